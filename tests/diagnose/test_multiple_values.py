"""'got multiple values for argument': a positional argument landed on a keyword's parameter.

vectara-ingest's crawler: pyhtml2pdf 0.0.5 calls ``webdriver.Chrome(path, options=o)``;
selenium 4.10 made ``options`` the first parameter of ``WebDriver.__init__`` (4.9 had
``executable_path`` there), so "WebDriver.__init__() got multiple values for argument
'options'".  The callee's releases where one positional leaves ``options`` one value fix it.
"""
import pytest

from pytest_depfix.diagnose.probe import ApiProbe, Question
from tests.support.diagnose_crashes import diagnose_paste

DRIVER = "class WebDriver:\n    def __init__(self, {params}):\n        self.options = options\n"
OLD, NEW = "executable_path='chromedriver', port=0, options=None", "options=None, service=None, keep_alive=True"
CALLER = ("from browsy import Chrome\n\n\ndef convert(path, opts):\n    return Chrome(path, options=opts)\n\n\n"
          "def plain(opts):\n    return Chrome(options=opts)\n")
NEGATIVE_TEST = "from browsy import Chrome\n\n\ndef test_it(opts):\n    Chrome('x', 'y', options=opts)\n"


def _universe(new_in_old: bool = False):
    def browsy(version, params):
        return {"version": version, "files": {"browsy/__init__.py": "from .driver import WebDriver as Chrome\n",
                                              "browsy/driver.py": DRIVER.format(params=params)}}
    # a wheel's stray tests folder is not its code: its call would be a second one
    manager = {"drivermgr/__init__.py": "", "tests_negative/test_chrome.py": NEGATIVE_TEST}
    return {"browsy": [browsy("4.8.0", NEW if new_in_old else OLD), browsy("4.9.1", NEW if new_in_old else OLD),
                       browsy("4.10.0", NEW)],
            "pdfy": [{"version": "0.0.5", "requires_dist": ["browsy"],
                      "files": {"pdfy/__init__.py": "", "pdfy/convert.py": CALLER}}],
            "drivermgr": [{"version": "3.8.6", "files": manager}]}


PASTE = "TypeError: WebDriver.__init__() got multiple values for argument 'options'\n"


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.10")
    return diagnose_paste(index, target, "pdfy==0.0.5\nbrowsy==4.10.0\ndrivermgr==3.8.6\n", PASTE)


def test_the_callee_goes_back_to_where_the_positional_left_the_keyword_one_value(index_for):
    d = _diagnose(index_for, _universe())
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("browsy", "<4.10.0")]
    assert "one value beside 1 positional argument(s)" in " ".join(d.culprits[0].evidence)


def test_a_callee_whose_every_release_collides_is_no_answer(index_for):
    d = _diagnose(index_for, _universe(new_in_old=True))
    assert not d.culprits


@pytest.mark.parametrize("params, call, expected", [
    (OLD, "options@1", "yes"),          # Chrome(path, options=o): path is executable_path
    (NEW, "options@1", "no"),           # path lands on options
    (NEW, "options@0", "yes"),          # Chrome(options=o)
    ("*, options=None", "options@0", "yes"),
    ("options=None", "options@2", "no"),  # two positionals: too many for one parameter
])
def test_the_probe_reads_where_a_keyword_sits_among_the_positionals(index_for, params, call, expected):
    index, target = index_for({"browsy": [{"version": "1.0", "files": {
        "browsy/__init__.py": "", "browsy/driver.py": DRIVER.format(params=params)}}]}, python="3.10")
    answer = ApiProbe(index).ask("browsy", "1.0", Question.parse(f"browsy.driver:WebDriver({call})"))
    assert answer.value == expected



def test_a_dataclass_or_a_forwarding_init_is_not_read_for_positions(index_for):
    # (the second review's inputs: a dataclass said "takes no arguments"; *args forwarding said yes)
    dataclass = "import dataclasses\n\n\n@dataclasses.dataclass\nclass WebDriver:\n    options: object = None\n"
    forwarding = ("class Base:\n    def __init__(self, options=None, service=None):\n        pass\n\n\n"
                  "class WebDriver(Base):\n    def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)\n")
    for text in (dataclass, forwarding):
        index, target = index_for({"browsy": [{"version": "1.0", "files": {
            "browsy/__init__.py": "", "browsy/driver.py": text}}]}, python="3.10")
        answer = ApiProbe(index).ask("browsy", "1.0", Question.parse("browsy.driver:WebDriver(options@1)"))
        assert answer.value == "unknown", answer
