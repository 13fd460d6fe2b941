"""A paste every line of which carries a log shipper's prefix, indentation stripped.

marshmallow-code/flask-marshmallow#258 came from Elastic Beanstalk's log view:
``  | 2023-04-05T22:49:58.290+03:00 | Apr 5 19:49:58 ip-172-31-46-77 web: `` before each
line.  Taken off, the shown code line and the exception are a frameless crash with its
failing line, as Python printed them.
"""
from pytest_depfix.crash.parse import parse_traceback, strip_log_prefix

BEANSTALK = (
    "  | 2023-04-05T22:49:58.290+03:00 | Apr 5 19:49:58 ip-172-31-46-77 web: "
    "self.SQLAlchemySchema.OPTIONS_CLASS.session = db.session\n"
    "  | 2023-04-05T22:49:58.290+03:00 | Apr 5 19:49:58 ip-172-31-46-77 web: "
    "AttributeError: '_SQLAlchemyState' object has no attribute 'session'\n"
)


def test_the_prefix_is_learned_from_the_exception_line_and_taken_off_every_line_of_its_shape():
    (crash,) = parse_traceback(BEANSTALK)
    assert (crash.root.type, crash.root.message) == ("AttributeError", "'_SQLAlchemyState' object has no attribute 'session'")
    assert crash.root.source_hint == "self.SQLAlchemySchema.OPTIONS_CLASS.session = db.session"


def test_digits_may_differ_and_a_frame_line_gets_its_indentation_back():
    text = ('  | 2023-04-05T22:49:57.100+03:00 | Apr 5 19:49:57 host web: File "/var/app/venv/lib/python3.8/site-packages/flask_marshmallow/sqla.py", line 125, in init_app\n'
            "  | 2023-04-05T22:49:58.290+03:00 | Apr 5 19:49:58 host web: self.SQLAlchemySchema.OPTIONS_CLASS.session = db.session\n"
            "  | 2023-04-05T22:49:58.290+03:00 | Apr 5 19:49:58 host web: AttributeError: '_SQLAlchemyState' object has no attribute 'session'\n")
    (crash,) = parse_traceback(text)
    (frame,) = crash.root.frames
    assert frame.file.endswith("flask_marshmallow/sqla.py") and frame.line == 125
    assert frame.source == "self.SQLAlchemySchema.OPTIONS_CLASS.session = db.session"


def test_no_prefix_without_a_digit_or_bar_and_no_prefix_on_a_lone_line():
    assert strip_log_prefix("note that: ValueError: x\nnote that: y = f(x)\n") is None
    assert strip_log_prefix("2023-04-05 12:00:01 web: ValueError: x\nsomething else\n") is None
    # a plain traceback (digits and all) has no prefix to take off
    plain = "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n    f()\nValueError: x\n"
    assert strip_log_prefix(plain) is None
    (crash,) = parse_traceback(plain)
    assert crash.root.frames[0].file == "a.py"


def test_a_shown_compound_header_is_the_failing_line():
    # python-poetry/tomlkit#264 (Caster): the paste is the failing `if` line and the exception.
    (crash,) = parse_traceback(" if rv.is_boolean():\nAttributeError: 'list' object has no attribute 'is_boolean'\n")
    assert crash.root.source_hint == "if rv.is_boolean():"
    (crash,) = parse_traceback(" if we are lucky:\nValueError: no\n")
    assert crash.root.source_hint == ""  # prose that happens to end in a colon is not code


def test_a_syntax_errors_shown_line_survives_its_caret_and_need_not_parse():
    # ownphotos' Docker log (gunicorn 19.8.1 on Python 3.7): the file line was snipped, the refused line kept.
    text = ("<snip>\n    from gunicorn.workers.async import AsyncWorker\n"
            "                              ^\nSyntaxError: invalid syntax\n")
    (crash,) = parse_traceback(text)
    assert crash.root.source_hint == "from gunicorn.workers.async import AsyncWorker"


LOCUST = (  # locustio/locust#2099: docker-compose's "service: " before every line, indentation stripped
    'locust-master: File "/root/.local/share/virtualenvs/locust-1T7N9san/lib/python3.9/site-packages/locust/rpc/zmqrpc.py", line 58, in __init__\n'
    "locust-master: BaseSocket.__init__(self, zmq.ROUTER)\n"
    "locust-master: AttributeError: module 'zmq.green' has no attribute 'ROUTER'\n"
)


def test_a_service_name_alone_is_a_prefix_when_it_carries_frame_lines():
    (crash,) = parse_traceback(LOCUST)
    (frame,) = crash.root.frames
    assert frame.file.endswith("locust/rpc/zmqrpc.py") and frame.source == "BaseSocket.__init__(self, zmq.ROUTER)"
    assert crash.root.message == "module 'zmq.green' has no attribute 'ROUTER'"


def test_a_name_and_colon_without_frame_lines_is_a_message_not_a_prefix():
    assert strip_log_prefix("celery: KeyError: x\ncelery: retrying\n") is None


def test_a_name_only_line_does_not_hide_a_stamped_prefix_further_down():
    # (the second review's input: a warning line named by its logger, then Beanstalk's lines)
    text = "warnings: UserWarning: SQLALCHEMY_TRACK_MODIFICATIONS adds significant overhead\n" + BEANSTALK
    (crash,) = parse_traceback(text)
    assert crash.root.message == "'_SQLAlchemyState' object has no attribute 'session'"


IMPORT_LINE = "ImportError: cannot import name 'x' from 'foo' (/usr/lib/python3.9/site-packages/foo/__init__.py)"


def test_a_lone_stamped_exception_line_is_read_under_the_common_log_shippers_prefixes():
    # A one-line paste has no second line to learn its prefix from; a stamp in it is enough.
    for prefix in ("2023-06-01T12:00:00.123456789Z stderr F ",                   # containerd/CRI (kubectl logs)
                   "2019-01-01T00:00:00.000000+00:00 app[web.1]: ",              # Heroku
                   "Jan 05 12:00:00 host python3[1234]: ",                       # journald / syslog
                   "[2023-01-01, 12:00:00 UTC] {taskinstance.py:1851} ERROR - ",  # Airflow
                   "[2018-11-15 17:47:14,406: ERROR/ForkPoolWorker-1] ",          # Celery
                   "2019-03-06T14:01:56.64-0500 [APP/PROC/WEB/0] ERR ",           # Cloud Foundry
                   "(PPO pid=8491) ",                                            # Ray worker
                   "ERROR:root:"):                                               # logging's default format
        (crash,) = parse_traceback(prefix + IMPORT_LINE + "\n")
        assert (crash.final.type, crash.final.message) == ("ImportError", IMPORT_LINE[len("ImportError: "):]), prefix


def test_a_lone_line_without_a_stamp_or_a_known_prefix_is_not_read():
    assert parse_traceback("see the note: ImportError: cannot import name 'x'\n") == []
    assert parse_traceback("ERROR:root:failed to start\n") == []
    # a stamped line followed by a line of another shape leaves the prefix open (as before)
    assert strip_log_prefix("2023-04-05 12:00:01 web: ValueError: x\nsomething else\n") is None


def test_a_paste_indented_as_a_whole_is_read_without_its_indentation():
    # plotly/Kaleido#226: a pytest report pasted nine spaces in, under a Markdown list item
    paste = "\n".join("         " + ln if ln else ln for ln in (
        '         path = os.environ.get("BROWSER_PATH", which_browser())',
        '>       elif "snap" in path:',
        "E       TypeError: argument of type 'NoneType' is not iterable",
        "",
        "/usr/lib/python3.12/site-packages/kaleido/scopes/plotly.py:64: TypeError")) + "\n"
    [crash] = parse_traceback(paste)
    assert (crash.root.type, [(f.file.rsplit("/", 1)[-1], f.line) for f in crash.root.frames]) == \
        ("TypeError", [("plotly.py", 64)])
