"""Reviewed (s3): ``_trimmed_site_frame`` runs for every absolute project frame when no project root is given.

Its guard is ``if root is not None and os.path.isabs(frame.file): return None``: with no root (``depfix
analyze`` without ``--project``, ``depfix trace``), an ordinary absolute project path such as
``/home/u/proj/train.py`` is treated as a trimmed site-packages path, and the first lookup lists the
members of *every* pin of the set - for an sdist-only pin that means downloading the whole sdist
(``_owner_by_files`` in verdict.py deliberately never lists sdists for that reason).  Nearly every pasted
traceback starts with such a frame, so every analysis pays a file listing of the whole set.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.target import Target

PY37 = Target.from_spec("3.7", "linux")
TB = ('Traceback (most recent call last):\n  File "/home/u/proj/train.py", line 2, in <module>\n    main()\n'
      '  File "/home/u/venv/lib/python3.7/site-packages/other/core.py", line 9, in main\n    x\nTypeError: bad\n')


def test_an_absolute_project_path_does_not_list_every_pins_release(make_local_index, cache_dir, isolated_pip_config):
    from pytest_depfix.index import PackageIndex

    local = make_local_index({
        "big-sdist-only": [{"version": "0.22", "wheel": False, "sdist": True, "files": {"bso/__init__.py": ""}}],
        "other": [{"version": "1.0", "files": {"other/__init__.py": "", "other/core.py": ""}}]})
    index = PackageIndex.from_config(PY37, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache_dir))
    listed = []
    real = index.list_members

    def counting(name, version, *a, **k):
        listed.append(name)
        return real(name, version, *a, **k)

    index.list_members = counting
    pins = parse_requirements_text("other==1.0\nbig-sdist-only==0.22\n", PY37)
    (crash,) = parse_traceback(TB)
    out = attribute(crash, pins, target=PY37, installed=False, index=index)
    assert out.final.frames[0].owner == "project"
    assert "big-sdist-only" not in listed, listed  # an sdist listed (downloaded) for a plain project frame


def test_an_old_ipython_frame_of_a_cython_module_pasted_without_its_header_is_a_frame():
    # milvus-io/milvus-model#32: Colab printed the extension's init frame and the error, nothing else
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback("/usr/local/lib/python3.10/dist-packages/pyarrow/_parquet.pyx in init pyarrow._parquet()\n"
                               "\n"
                               "AttributeError: module 'pyarrow.lib' has no attribute 'ListViewType'\n")
    (frame,) = crash.root.frames
    assert frame.file.endswith("pyarrow/_parquet.pyx") and frame.function == "init pyarrow._parquet"


def test_a_log_line_that_looks_like_a_frame_does_not_start_a_traceback():
    from pytest_depfix.crash import parse_traceback

    crashes = parse_traceback("/home/me/notes.py in draft(v2)\nAttributeError: module 'x' has no attribute 'y'\n")
    assert all(not c.root.frames for c in crashes)
