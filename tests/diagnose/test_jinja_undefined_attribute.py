"""Jinja2's "'Crypto.PublicKey.RSA.RsaKey object' has no attribute 'dq'": a template read a pin's class.

overhangio/tutor#963: tutor 17.0.0's config templates read ``rsa_key.dq``, which pycryptodome's
``RsaKey`` has only from 3.17; the CLI printed "Error: Missing configuration value: " and Jinja2's
own wording, no traceback.  Jinja2 names a non-builtin object by module and class, so the
paste is read as that class's missing attribute.
"""
from pytest_depfix.diagnose import diagnose, families as F, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = "Error: Missing configuration value: 'Cryptoy.PublicKey.RSA.RsaKey object' has no attribute 'dq'\n"
OLD = "class RsaKey(object):\n    def __init__(self, n, e, d, p, q, u):\n        self.n, self.e = n, e\n"
NEW = OLD + "\n    @property\n    def dq(self):\n        return self.d % (self.q - 1)\n"


def _universe():
    return {"cryptoy": [{"version": v, "files": {"Cryptoy/__init__.py": "", "Cryptoy/PublicKey/__init__.py": "",
                                                 "Cryptoy/PublicKey/RSA.py": text}}
                        for v, text in (("3.14.1", OLD), ("3.16.0", OLD), ("3.17", NEW), ("3.18.0", NEW))],
            "tutory": [{"version": "17.0.0", "requires_dist": ["cryptoy"], "files": {"tutory/__init__.py": ""}}]}


def test_jinja2s_wording_is_read_as_an_undefined_error_naming_the_class():
    inferred = infer_message(PASTE, load_knowledge(bundled=False))
    assert inferred is not None and inferred.exc_type == "jinja2.exceptions.UndefinedError"
    sig = F.classify(inferred.to_crash())
    assert (sig.family, sig.cls, sig.name) == (F.ATTRIBUTE, "RsaKey", "dq")


def test_a_builtin_object_jinja2_names_bare_is_not_read_as_a_class():
    inferred = infer_message("Error: 'dict object' has no attribute 'dq'\n", load_knowledge(bundled=False))
    assert inferred is None or inferred.exc_type != "jinja2.exceptions.UndefinedError"


def test_the_class_that_gained_the_attribute_moves_forward(index_for):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("tutory==17.0.0\ncryptoy==3.14.1\n", target)
    crash = infer_message(PASTE, load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("cryptoy", ">=3.17")], d.summary
