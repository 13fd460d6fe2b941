"""A pasted frame in a clone of a pinned library is that pin's code when the release holds the shown line.

gensim's top2vec thread (ddangelov/Top2Vec#152) ran a clone of top2vec in
place of its wheel: ``C:\\<path>\\Top2Vec\\top2vec\\Top2Vec.py`` looks like the
reporter's own project, so the crash inside top2vec read as project code.
"""
import pytest

from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.target import Target

PY38 = Target.from_spec("3.8", "win_amd64")
BODY = "\n" * 20 + "def _get_document_vectors(self):\n    return self.model.docvecs.vectors_docs\n"


def _tb(line: int, shown: str) -> str:
    return ('Traceback (most recent call last):\n'
            '  File "run.py", line 36, in <module>\n    model = Top2Vec(documents)\n'
            f'  File "C:\\<path>\\Top2Vec\\top2vec\\Top2Vec.py", line {line}, in _get_document_vectors\n'
            f'    {shown}\n'
            "AttributeError: 'KeyedVectors' object has no attribute 'vectors_docs'\n")


@pytest.fixture
def index(make_local_index, cache_dir, isolated_pip_config):
    from pytest_depfix.index import PackageIndex

    local = make_local_index({"top2vec": [{"version": "1.0.23", "files": {
        "top2vec/__init__.py": "", "top2vec/Top2Vec.py": BODY}}]})
    return PackageIndex.from_config(PY38, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache_dir))


def _frame(index, tb, root=None):
    pins = parse_requirements_text("top2vec==1.0.23\ngensim==4.0.0\n", PY38)
    (crash,) = parse_traceback(tb)
    return attribute(crash, pins, target=PY38, installed=False, index=index, project_root=root).final.frames[-1]


def test_a_clone_whose_line_the_release_holds_a_few_lines_off_is_the_pin(index):
    frame = _frame(index, _tb(30, "return self.model.docvecs.vectors_docs"))
    assert (frame.owner, frame.dist, frame.version) == ("dist", "top2vec", "1.0.23")
    assert frame.relpath == "top2vec/Top2Vec.py" and frame.module == "top2vec.Top2Vec"


def test_a_line_the_release_does_not_hold_stays_the_projects(index):
    frame = _frame(index, _tb(22, "return self.model.dv.vectors"))
    assert frame.owner == "project" and frame.dist is None


def test_a_line_far_from_where_the_release_holds_it_stays_the_projects(index):
    frame = _frame(index, _tb(400, "return self.model.docvecs.vectors_docs"))
    assert frame.owner == "project"


def test_a_path_under_the_project_root_stays_the_projects(index, tmp_path):
    # (review) the project may be that library's own clone
    root = tmp_path / "Top2Vec"
    paste = _tb(30, "return self.model.docvecs.vectors_docs").replace(
        "C:\\<path>\\Top2Vec\\top2vec\\Top2Vec.py", str(root / "top2vec" / "Top2Vec.py"))
    frame = _frame(index, paste, root=str(root))
    assert frame.owner == "project"


def test_a_path_that_climbs_out_of_a_folder_is_not_read_by_its_folders(index):
    paste = _tb(30, "return self.model.docvecs.vectors_docs").replace(
        "C:\\<path>\\Top2Vec\\top2vec\\Top2Vec.py", "/home/u/other/../Top2Vec/top2vec/Top2Vec.py")
    frame = _frame(index, paste)
    assert frame.owner == "project"


def test_a_generic_line_needs_the_frames_function_in_the_releases_file(index):
    # (review) 'return func(*args, **kwargs)' is in many files; this release's file has no 'def wrapper'
    body_line = "return self.model.docvecs.vectors_docs"
    frame = _frame(index, _tb(30, body_line).replace("in _get_document_vectors", "in wrapper"))
    assert frame.owner == "project"


def test_a_path_through_a_symlink_to_the_root_is_the_projects(index, tmp_path):
    root = tmp_path / "real"
    (root / "top2vec").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(root)
    paste = _tb(30, "return self.model.docvecs.vectors_docs").replace(
        "C:\\<path>\\Top2Vec\\top2vec\\Top2Vec.py", str(link / "top2vec" / "Top2Vec.py"))
    assert _frame(index, paste, root=str(root)).owner == "project"


def test_a_pasted_path_with_a_nul_byte_is_no_error(index, tmp_path):
    # (review) os.path.realpath raises ValueError on an embedded NUL
    paste = _tb(30, "return self.model.docvecs.vectors_docs").replace("C:\\<path>", "/home/u/a\x00b")
    assert _frame(index, paste, root=str(tmp_path)).owner in ("project", "dist")


def test_an_attribution_that_raises_leaves_the_crash_unattributed_with_a_warning(index, monkeypatch):
    # (review) the engine caught only DepfixError around attribution: anything else was an internal error
    import pytest_depfix.crash as crash_pkg
    from pytest_depfix.engine import AnalysisRequest, analyze

    def boom(*a, **k):
        raise ValueError("embedded null byte")

    monkeypatch.setattr(crash_pkg, "attribute", boom)
    pins = parse_requirements_text("top2vec==1.0.23\n", PY38)
    report = analyze(AnalysisRequest(pins=pins, target=PY38, crashes=parse_traceback(_tb(30, "x = 1")), index=index))
    assert any("attribution incomplete: ValueError" in w for w in report.warnings), report.warnings
