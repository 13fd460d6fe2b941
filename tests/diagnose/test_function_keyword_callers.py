"""A frameless keyword error naming a function: where it is defined, and the one pin that passes the keyword.

django-socio-grpc#291: protobuf 5.26 dropped ``MessageToDict(including_default_value_fields=...)``;
django-socio-grpc 0.22.0 passed it through ``kwargs.setdefault(...)`` and ``**kwargs``, 0.22.7 stopped.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.users import keyword_calls
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

KW = "including_default_value_fields"
FORMAT_OLD = f"def MessageToDict(message, {KW}=False, preserving_proto_field_name=False):\n    return {{}}\n"
FORMAT_NEW = "def MessageToDict(message, preserving_proto_field_name=False, always_print_fields_with_no_presence=False):\n    return {}\n"
CALLER_OLD = ("from protobufy.json_format import MessageToDict\n\n\ndef message_to_dict(message, **kwargs):\n"
              f"    kwargs.setdefault('{KW}', True)\n    return MessageToDict(message, **kwargs)\n")
CALLER_NEW = ("from protobufy.json_format import MessageToDict\n\n\ndef message_to_dict(message, **kwargs):\n"
              "    kwargs.setdefault('always_print_fields_with_no_presence', True)\n    return MessageToDict(message, **kwargs)\n")
UNIVERSE = {
    "protobufy": [{"version": "4.25.3", "files": {"protobufy/__init__.py": "", "protobufy/json_format.py": FORMAT_OLD}},
                  {"version": "5.26.1", "files": {"protobufy/__init__.py": "", "protobufy/json_format.py": FORMAT_NEW}}],
    "sociogrpc": [{"version": "0.22.0", "requires_dist": ["protobufy>=4"], "files": {"sociogrpc/convert.py": CALLER_OLD}},
                  {"version": "0.22.7", "requires_dist": ["protobufy>=4"], "files": {"sociogrpc/convert.py": CALLER_NEW}}],
}


def test_the_defining_pin_and_the_caller_passing_the_keyword_through_a_dict_are_both_offered(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    pins = parse_requirements_text("sociogrpc==0.22.0\nprotobufy==5.26.1\n", target)
    paste = f"TypeError: MessageToDict() got an unexpected keyword argument '{KW}'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("protobufy", "<5.26.1"), ("sociogrpc", ">=0.22.7")]


def test_a_keyword_put_into_a_dict_then_spread_into_the_call_is_passed():
    for fill in ("kw.setdefault('k', 1)", "kw['k'] = 1", "kw = {'k': 1}", "kw = dict(k=1)", "kw.update(k=1)",
                 "kw.update({'k': 1})"):
        text = f"from lib import f\n\ndef g(**kw):\n    {fill}\n    return f(**kw)\n"
        assert [full for full, _ in keyword_calls(text, "k")] == ["lib.f"], fill
    # another function's dict is not this call's
    other = "from lib import f\n\ndef a(**kw):\n    kw['k'] = 1\n\ndef b(**kw):\n    return f(**kw)\n"
    assert keyword_calls(other, "k") == []


def test_a_frameless_method_keyword_error_offers_the_one_caller_calling_that_method_with_it(index_for):
    # erdogant/hgboost#21-style: xgboost 2.1 moved early_stopping_rounds from XGBClassifier.fit() to the
    # constructor; the one pin calling <model>.fit(..., early_stopping_rounds=...) stopped in its next release.
    v2 = ("class XGBClassifier:\n    def __init__(self, n_estimators=100):\n        pass\n\n"
          "    def fit(self, X, y, *, eval_set=None, early_stopping_rounds=None, verbose=True):\n        return self\n")
    v21 = v2.replace("early_stopping_rounds=None, ", "")
    universe = {
        "xgbish": [{"version": "2.0.3", "files": {"xgbish/__init__.py": "from .sklearn import XGBClassifier\n",
                                                  "xgbish/sklearn.py": v2}},
                   {"version": "2.1.1", "files": {"xgbish/__init__.py": "from .sklearn import XGBClassifier\n",
                                                  "xgbish/sklearn.py": v21}}],
        "hgbish": [{"version": "1.1.5", "requires_dist": ["xgbish"],
                    "files": {"hgbish/core.py": "import xgbish\n\ndef train(X, y):\n    model = xgbish.XGBClassifier()\n"
                                                "    model.fit(X, y, early_stopping_rounds=25)\n"}},
                   {"version": "1.1.6", "requires_dist": ["xgbish"],
                    "files": {"hgbish/core.py": "import xgbish\n\ndef train(X, y):\n    model = xgbish.XGBClassifier()\n"
                                                "    model.fit(X, y)\n"}}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("hgbish==1.1.5\nxgbish==2.1.1\n", target)
    paste = "TypeError: XGBClassifier.fit() got an unexpected keyword argument 'early_stopping_rounds'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert {(c.name, c.constraint) for c in d.culprits} == {("xgbish", "<2.1.1"), ("hgbish", ">=1.1.6")}


def test_a_short_function_name_is_asked_of_a_set_of_one_package(index_for):
    # taskmgr818/hath-with-natter#4: httpx.get(proxies=...) under httpx 0.28, the set is httpx alone.
    api = "def get(url, *, params=None, proxies=None, timeout=5):\n    pass\n"
    universe = {"httpxish": [
        {"version": "0.27.2", "files": {"httpxish/__init__.py": "from ._api import get\n", "httpxish/_api.py": api}},
        {"version": "0.28.0", "files": {"httpxish/__init__.py": "from ._api import get\n",
                                        "httpxish/_api.py": api.replace("proxies=None, ", "")}},
    ]}
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("httpxish==0.28.0\n", target)
    paste = "TypeError: get() got an unexpected keyword argument 'proxies'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("httpxish", "<0.28.0")]


def test_a_call_under_a_version_test_is_the_caller_adapting_not_passing_the_keyword():
    guarded = ("import skimage\nfrom skimage.util import montage\n\ndef m(x, n):\n"
               "    if skimage.__version__ >= '0.20.0':\n        return montage(x, channel_axis=3)\n"
               "    else:\n        return montage(x, multichannel=(n == 3))\n")
    assert keyword_calls(guarded, "multichannel") == []
    flagged = guarded.replace("skimage.__version__ >= '0.20.0'", "SKIMAGE_GE_0_20")
    assert keyword_calls(flagged, "multichannel") == []
    plain = "from skimage.util import montage\n\ndef m(x, n):\n    if n == 3:\n        return montage(x, multichannel=True)\n"
    assert [full for full, _ in keyword_calls(plain, "multichannel")] == ["skimage.util.montage"]
    # a test of Python's own version guards whole modules, not the callee's change
    py = "import sys\nfrom skimage.util import montage\n\nif sys.version_info >= (3, 0):\n    def m(x):\n        return montage(x, multichannel=True)\n"
    assert [full for full, _ in keyword_calls(py, "multichannel")] == ["skimage.util.montage"]


MONTAGE_OLD = "def montage(arr_in, fill='mean', multichannel=False):\n    return arr_in\n"
MONTAGE_NEW = "def montage(arr_in, fill='mean', *, channel_axis=None):\n    return arr_in\n"
MED_OLD = ("from skimage.util import montage as skimage_montage\n\n\ndef montage2d(imgs, n):\n"
           "    return skimage_montage(imgs, multichannel=(n == 3))\n")
MED_NEW = ("import skimage\nfrom skimage.util import montage as skimage_montage\n\n\ndef montage2d(imgs, n):\n"
           "    if skimage.__version__ >= '0.20.0':\n        return skimage_montage(imgs, channel_axis=3 if n == 3 else None)\n"
           "    else:\n        return skimage_montage(imgs, multichannel=(n == 3))\n")


def test_a_plain_function_name_in_a_set_of_two_is_found_and_the_caller_that_guarded_it_is_offered(index_for):
    # MedMNIST/MedMNIST#30: "montage() got an unexpected keyword argument 'multichannel'" alone, under
    # scikit-image 0.20; medmnist 2.2.0 picks the keyword by scikit-image's version.
    universe = {
        "skimage": [{"version": v, "files": {"skimage/__init__.py": f"__version__ = '{v}'\n", "skimage/util/__init__.py":
                                             "from ._montage import montage\n", "skimage/util/_montage.py": src}}
                    for v, src in (("0.19.3", MONTAGE_OLD), ("0.20.0", MONTAGE_NEW))],
        "medmnist": [{"version": v, "requires_dist": ["skimage"], "files": {"medmnist/__init__.py": "", "medmnist/utils.py": src}}
                     for v, src in (("2.1.0", MED_OLD), ("2.2.0", MED_NEW))],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("medmnist==2.1.0\nskimage==0.20.0\n", target)
    paste = "TypeError: montage() got an unexpected keyword argument 'multichannel'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("medmnist", ">=2.2.0"), ("skimage", "<0.20.0")]
