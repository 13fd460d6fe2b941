"""A pin that catches an ImportError and raises its own refusal: the guarded import is the real break.

apache-airflow-providers-celery 3.9.0 wraps an Airflow 3 import in try/except ImportError and says
"This feature is only available in Airflow versions >= 2.8.0" under Airflow 2.10.4.  Both pins
ship files under ``airflow/``; the frame belongs to the one whose release has the file.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

CMD = ("def _run(*args):\n"
       "    try:\n"
       "        from airflowy.cli.local_commands.daemon_utils import run_daemon\n"
       "        run_daemon(*args)\n"
       "    except ImportError:\n"
       "        raise RuntimeError(\n"
       "            'This feature is only available in Airflow versions >= 2.8.0'\n"
       "        )\n")
OLD_CMD = CMD.replace("airflowy.cli.local_commands.daemon_utils", "airflowy.cli.daemon_utils")
SITE = "/home/u/.local/lib/python3.11/site-packages"
TB = ("Traceback (most recent call last):\n"
      f'  File "{SITE}/airflowy/providers/celery/cli/cmd.py", line 6, in _run\n'
      "    raise RuntimeError(\n"
      "RuntimeError: This feature is only available in Airflow versions >= 2.8.0\n")


def _universe():
    core = {"airflowy/__init__.py": "", "airflowy/cli/__init__.py": "", "airflowy/cli/daemon_utils.py": "def run_daemon():\n    pass\n"}
    prov = lambda src: {"airflowy/providers/celery/__init__.py": "", "airflowy/providers/celery/cli/__init__.py": "",
                        "airflowy/providers/celery/cli/cmd.py": src}
    return {"airflowy": [{"version": "2.10.4", "files": core}],
            "airflowy-providers-celery": [{"version": "3.8.5", "requires_dist": ["airflowy>=2.8"], "files": prov(OLD_CMD)},
                                          {"version": "3.9.0", "requires_dist": ["airflowy>=2.8"], "files": prov(CMD)}]}


def _crash(index, target, pins):
    return attribute(parse_traceback(TB)[0], pins, target=target, installed=False, index=index)


def test_a_frame_under_a_shared_namespace_belongs_to_the_pin_whose_release_has_the_file(index_for):
    index, target = index_for(_universe(), python="3.11")
    pins = parse_requirements_text("airflowy==2.10.4\nairflowy-providers-celery==3.9.0\n", target)
    frame = _crash(index, target, pins).root.frames[-1]
    assert (frame.owner, frame.dist) == ("dist", "airflowy-providers-celery")


def test_the_import_the_handler_raises_from_is_read_as_the_message(index_for):
    index, target = index_for(_universe(), python="3.11")
    pins = parse_requirements_text("airflowy==2.10.4\nairflowy-providers-celery==3.9.0\n", target)
    d = diagnose(_crash(index, target, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.details.get("message_read_from_imports") == \
        "cannot import name 'run_daemon' from 'airflowy.cli.local_commands.daemon_utils'"
    assert d.verdict == "transitive"


def test_a_frame_of_one_namespace_package_does_not_speak_for_a_sibling(index_for):
    # Review finding: google.cloud.bigquery's frame made google-cloud-bigquery the owner of google.cloud.storage.
    from pytest_depfix.diagnose.verdict import Context, module_owner

    universe = {"googly-cloud-bigquery": [{"version": "3.0", "files": {"googly/cloud/bigquery/__init__.py": "",
                                                                        "googly/cloud/bigquery/client.py": "x = 1\n"}}],
                "googly-cloud-storage": [{"version": "2.0", "files": {"googly/cloud/storage/__init__.py": "",
                                                                       "googly/cloud/storage/blob.py": "x = 1\n"}}]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("googly-cloud-bigquery==3.0\ngooglY-cloud-storage==2.0\n", target)
    tb = ("Traceback (most recent call last):\n"
          f'  File "{SITE}/googly/cloud/bigquery/client.py", line 1, in <module>\n'
          "    from googly.cloud.storage.blob import Blob\n"
          "ImportError: cannot import name 'Blob' from 'googly.cloud.storage.blob'\n")
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    ctx = Context(crash=crash, pins=pins, target=target, index=index, kb=load_knowledge(bundled=False),
                  keep=set(), probe=ApiProbe(index))
    assert module_owner("googly.cloud.bigquery.client", ctx) == "googly-cloud-bigquery"
    assert module_owner("googly.cloud.storage.blob", ctx) != "googly-cloud-bigquery"


def test_a_well_known_import_name_yields_to_the_pin_whose_wheel_ships_it(index_for):
    # ludwig#543: tensorflow==1.14.0 and tensorflow-gpu==2.0.0 both pinned; only the latter ships tensorflow_core.
    from pytest_depfix.diagnose.verdict import Context, module_owner

    universe = {"tensorflow": [{"version": "1.14.0", "files": {"tensorflow/__init__.py": ""}}],
                "tensorflow-gpu": [{"version": "2.0.0", "files": {"tensorflow/__init__.py": "", "tensorflow_core/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("tensorflow==1.14.0\ntensorflow-gpu==2.0.0\n", target)
    crash = attribute(parse_traceback("AttributeError: module 'tensorflow_core.keras' has no attribute 'x'\n")[0],
                      pins, target=target, installed=False, index=index)
    ctx = Context(crash=crash, pins=pins, target=target, index=index, kb=load_knowledge(bundled=False),
                  keep=set(), probe=ApiProbe(index))
    assert module_owner("tensorflow_core.keras", ctx) == "tensorflow-gpu"
    assert module_owner("tensorflow.keras", ctx) == "tensorflow"


def test_python_2s_last_part_module_name_is_a_pins_submodule(index_for):
    # tobyhazard/pdf-to-markdown#9: Python 2.7's "No module named pdfdocument" for pdfminer.pdfdocument.
    from pytest_depfix.diagnose.message_only import infer_message

    universe = {"pdfminy": [{"version": "20110515", "sdist": True, "wheel": False,
                             "files": {"pdfminy/__init__.py": "", "pdfminy/pdfparser.py": "x = 1\n"}},
                            {"version": "20131113", "sdist": True, "wheel": False,
                             "files": {"pdfminy/__init__.py": "", "pdfminy/pdfparser.py": "x = 1\n",
                                                              "pdfminy/pdfdocument.py": "class PDFDocument:\n    pass\n"}}]}
    index, target = index_for(universe, python="2.7")
    pins = parse_requirements_text("pdfminy==20110515\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ImportError: No module named pdfdocument\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert [c.name for c in d.culprits] == ["pdfminy"] and "20131113" in d.culprits[0].constraint, d.summary



def test_python_2s_cut_dotted_module_is_a_submodule_a_pin_dropped(index_for):
    # ckan/datapusher#171: "ImportError: No module named ext.login" is flask.ext.login, and Flask 1.0
    # dropped flask.ext (0.12.5, the last of the 0.x series, still ships it).
    from pytest_depfix.diagnose.message_only import infer_message

    def flasky(v, ext):
        files = {"flasky/__init__.py": "", "flasky/app.py": "x = 1\n"}
        if ext:
            files["flasky/ext/__init__.py"] = "x = 1\n"
        return {"version": v, "sdist": True, "wheel": False, "files": files}

    universe = {"flasky": [flasky("0.12.5", True), flasky("1.0.2", False), flasky("1.1.4", False)]}
    index, target = index_for(universe, python="2.7")
    pins = parse_requirements_text("flasky==1.0.2\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("> ImportError: No module named ext.login\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert [c.name for c in d.culprits] == ["flasky"] and "1.0" in d.culprits[0].constraint, d.summary
    assert "flasky.ext.login" in d.summary

SERIALIZERS = ("try:\n"
               "    from allauthy.account import adapter\n"
               "    from allauthy.utils import email_address_exists\n"
               "except ImportError:\n"
               "    raise ImportError('allauthy needs to be added to INSTALLED_APPS.')\n")


def _allauth_universe():
    utils = lambda v: "def get_username_max_length():\n    return 150\n" + \
        ("def email_address_exists(email):\n    return False\n" if v < "0.55" else "")
    return {"allauthy": [{"version": v, "files": {"allauthy/__init__.py": "", "allauthy/account/__init__.py": "",
                                                  "allauthy/account/adapter.py": "x = 1\n", "allauthy/utils.py": utils(v)}}
                         for v in ("0.53.0", "0.54.0", "0.55.0")],
            "restauthy": [{"version": "4.0.1", "requires_dist": ["allauthy"],
                           "files": {"restauthy/__init__.py": "", "restauthy/registration/__init__.py": "",
                                     "restauthy/registration/serializers.py": SERIALIZERS}}]}


def _frameless_refusal(index_for, allauth: str):
    from pytest_depfix.diagnose.message_only import infer_message

    index, target = index_for(_allauth_universe(), python="3.11")
    pins = parse_requirements_text(f"restauthy==4.0.1\nallauthy=={allauth}\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ImportError: allauthy needs to be added to INSTALLED_APPS\n", kb).to_crash()
    return diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))


def test_a_frameless_refusal_from_an_import_error_handler_is_diagnosed_as_the_import_it_hid(index_for):
    # dj-rest-auth#534: "ImportError: allauth needs to be added to INSTALLED_APPS", pasted alone,
    # under django-allauth 0.55.0, which removed allauth.utils.email_address_exists.
    d = _frameless_refusal(index_for, "0.55.0")
    assert d.details.get("message_read_from_imports") == "cannot import name 'email_address_exists' from 'allauthy.utils'"
    assert ("allauthy", "<0.55.0") in [(c.name, c.constraint.split(",")[-1]) for c in d.culprits], d.summary


def test_a_frameless_refusal_whose_guarded_imports_all_resolve_stays_unexplained(index_for):
    d = _frameless_refusal(index_for, "0.54.0")
    assert "message_read_from_imports" not in d.details
    assert not any(c.name == "allauthy" for c in d.culprits)


def test_a_librarys_own_refusal_class_from_an_import_error_handler_is_read_the_same_way(index_for):
    # django-haystack#1253: "MissingDependency: The 'elasticsearch' backend requires the installation of
    # 'elasticsearch'", raised from haystack's "except ImportError:" around elasticsearch 1.8's removed bulk_index
    universe = _allauth_universe()
    universe["restauthy"][0]["files"]["restauthy/registration/serializers.py"] = SERIALIZERS.replace(
        "raise ImportError('allauthy needs to be added to INSTALLED_APPS.')",
        "raise MissingDependency('allauthy needs to be added to INSTALLED_APPS.')")
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("restauthy==4.0.1\nallauthy==0.55.0\n", target)
    kb = load_knowledge(bundled=False)
    from pytest_depfix.models import Crash, ExceptionRecord

    crash = Crash([ExceptionRecord("restauthy.exceptions.MissingDependency", "allauthy needs to be added to INSTALLED_APPS", [])])
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert d.details.get("message_read_from_imports") == "cannot import name 'email_address_exists' from 'allauthy.utils'"
