"""A missing subpackage of a namespace several pins share belongs to the pin whose files hold it.

Azure/azure-sdk-for-python#24151: azure-mgmt-resource 21.0.0 imports ``azure.profiles``, which azure-common
ships from 1.1.9 on; the set pinned azure-common 1.1.8.  Both pins install under ``azure/``, so the top
package says nothing: the pin whose pinned (else newest) release ships ``azure/profiles`` owns it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "ModuleNotFoundError: No module named 'azurey.profiles'\n"
REQS = "azurey-mgmt-resource==21.0.0\nazurey-common==1.1.8\n"


def _universe(ships_profiles=("1.1.9", "1.1.10")):
    common = {"azurey/__init__.py": "", "azurey/common/__init__.py": "VERSION = '1'\n"}
    return {"azurey-common": [{"version": v, "files": dict(common, **({"azurey/profiles/__init__.py": "class Profile:\n    pass\n"}
                                                                       if v in ships_profiles else {}))}
                              for v in ("1.1.7", "1.1.8", "1.1.9", "1.1.10")],
            "azurey-mgmt-resource": [{"version": v, "requires_dist": ["azurey-common~=1.1"], "files": {
                "azurey/__init__.py": "", "azurey/mgmt/__init__.py": "",
                "azurey/mgmt/resource/__init__.py": "from azurey.profiles import Profile\n"}}
                for v in ("20.1.0", "21.0.0")]}


def test_the_pin_whose_later_release_ships_the_subpackage_moves_forward(index_for):
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits][:1] == [("azurey-common", ">=1.1.9")], d.summary
    assert not any(c.name == "azurey-mgmt-resource" for c in d.culprits), d.summary


def test_no_sharing_pin_ever_shipping_it_leaves_the_owner_to_the_older_rules(index_for):
    index, target = index_for(_universe(ships_profiles=()), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.name == "azurey-common" for c in d.culprits), d.summary
