"""An instance's class found through the dotted module path on the failing line.

internetarchive/warcprox#196: warcprox 2.4.17 runs
``cryptography.hazmat.backends.openssl.backend.activate_builtin_random()``; cryptography 41 dropped the
method from ``Backend``.  The message names only the class, the line names its modules.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

WITH = "class Backend:\n    def activate_builtin_random(self):\n        pass\n\nbackend = Backend()\n"
WITHOUT = "class Backend:\n    def other(self):\n        pass\n\nbackend = Backend()\n"
SITE = "/home/u/.env/lib/python3.11/site-packages"
TB = ("Traceback (most recent call last):\n"
      f'  File "{SITE}/warcproxy/main.py", line 3, in main\n'
      "    cryptoy.hazmat.backends.openssl.backend.activate_builtin_random()\n"
      "AttributeError: 'Backend' object has no attribute 'activate_builtin_random'\n")


def _universe():
    files = lambda v: {"cryptoy/__init__.py": "", "cryptoy/hazmat/__init__.py": "", "cryptoy/hazmat/backends/__init__.py": "",
                       "cryptoy/hazmat/backends/openssl/__init__.py": "from cryptoy.hazmat.backends.openssl.backend import backend\n",
                       "cryptoy/hazmat/backends/openssl/backend.py": WITH if v < "41" else WITHOUT}
    return {"cryptoy": [{"version": v, "files": files(v)} for v in ("39.0.0", "40.0.2", "41.0.7")],
            "warcproxy": [{"version": "2.4.17", "requires_dist": ["cryptoy"],
                           "files": {"warcproxy/__init__.py": "",
                                     "warcproxy/main.py": "import cryptoy\ndef main():\n"
                                                          "    cryptoy.hazmat.backends.openssl.backend.activate_builtin_random()\n"}}]}


def test_the_class_is_asked_for_where_the_line_reaches_it(index_for):
    index, target = index_for(_universe(), python="3.11")
    pins = parse_requirements_text("warcproxy==2.4.17\ncryptoy==41.0.7\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    cryptoy = [c for c in d.culprits if c.name == "cryptoy"]
    assert cryptoy and cryptoy[0].source == "api-probe" and cryptoy[0].constraint.endswith("<41.0.7"), d.culprits
    assert "reaches the object through cryptoy.hazmat.backends.openssl.backend" in cryptoy[0].evidence[0]
