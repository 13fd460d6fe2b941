"""A frameless "'Loader' object has no attribute 'max_depth'": the pin whose pinned release began reading it.

speechbrain/HyperPyYAML#32: ruamel.yaml 0.19.0's composer reads ``loader.max_depth``; the old-style
``Loader`` HyperPyYAML 1.2.2 builds never sets it.  ruamel.yaml and PyYAML both define a ``Loader``,
so the class's home says nothing; the one pin whose release newly reads the attribute does.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'Loader' object has no attribute 'max_depth'\n"
OLD = "class Composer:\n    def compose(self):\n        return self.loader.anchors\n\n\nclass Loader(Composer):\n    pass\n"
NEW = ("class Composer:\n    def compose(self):\n        if self.loader.max_depth:\n            return None\n"
       "        return self.loader.anchors\n\n\nclass Loader(Composer):\n    pass\n")


def _universe(old=OLD):
    return {"ruamely": [{"version": v, "files": {"ruamely/__init__.py": "", "ruamely/composer.py": text}}
                        for v, text in (("0.18.16", old), ("0.18.17", old), ("0.19.0", NEW))],
            "pyyamly": [{"version": "6.0.3", "files": {"pyyamly/__init__.py": "", "pyyamly/loader.py":
                                                       "class Loader(object):\n    pass\n"}}],
            "hyperyaml": [{"version": "1.2.2", "requires_dist": ["ruamely>=0.17"], "files": {
                "hyperyaml/__init__.py": "from ruamely.composer import Loader\n\n\ndef load(s):\n    return Loader().compose()\n"}}]}


def test_the_pin_that_began_reading_the_missing_attribute_goes_back(index_for):
    index, target = index_for(_universe(), python="3.12")
    d = diagnose_paste(index, target, "hyperyaml==1.2.2\nruamely==0.19.0\npyyamly==6.0.3\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("ruamely", "<=0.18.17")], d.summary


def test_a_pin_that_read_it_before_too_is_not_the_change(index_for):
    index, target = index_for(_universe(old=NEW), python="3.12")
    d = diagnose_paste(index, target, "hyperyaml==1.2.2\nruamely==0.19.0\npyyamly==6.0.3\n", PASTE)
    assert not d.culprits, d.summary


def test_a_class_no_pin_defines_moves_no_pin(index_for):
    # an unread class may be a pin's own that sets the attribute elsewhere
    universe = _universe()
    universe["pyyamly"][0]["files"]["pyyamly/loader.py"] = "class Reader(object):\n    pass\n"
    universe["ruamely"] = [{"version": r["version"], "files": {k: v.replace("class Loader", "class Dumper")
                                                               for k, v in r["files"].items()}}
                           for r in universe["ruamely"]]
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "hyperyaml==1.2.2\nruamely==0.19.0\npyyamly==6.0.3\n", PASTE)
    assert not d.culprits, d.summary
