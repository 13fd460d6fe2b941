"""A frame from a source checkout of a pin is that pin's code, when its release has the same line.

labd/wagtail-2fa#167: the author ran wagtail-2fa from its checkout
(``/Users/tomkins/Python/wagtail-2fa/src/wagtail_2fa/views.py``), so the frames were
read as the project's and only Django could move back a major.  The path passes
through a folder named like the pin and the 1.5.0 release has the same line 12
there: the caller is wagtail-2fa 1.5.0, and 1.6.0 stopped importing is_safe_url.
A project's own folder that merely holds a copy of the package is not a checkout.
"""

from __future__ import annotations

from pytest_depfix.diagnose.verdict import _checkout_tail
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text


class _Pin:
    def __init__(self, key):
        self.key = key


def test_the_tail_starts_inside_a_folder_named_like_the_pin():
    assert _checkout_tail("/Users/t/Python/wagtail-2fa/src/wagtail_2fa/views.py", _Pin("wagtail-2fa")) == "wagtail_2fa/views.py"
    assert _checkout_tail(r"C:\code\Wagtail_2FA\wagtail_2fa\lib\x.py", _Pin("wagtail-2fa")) == "wagtail_2fa/lib/x.py"
    assert _checkout_tail("/srv/myproject/vendor/wagtail_2fa/views.py", _Pin("wagtail-2fa")) is None
    assert _checkout_tail("/Users/t/wagtail-2fa/setup.py", _Pin("wagtail-2fa")) is None


VIEWS_OLD = "from django.conf import settings\n" * 11 + "from djangoish.utils.http import is_safe_url\n"
VIEWS_NEW = "from django.conf import settings\n" * 11 + "from djangoish.utils.http import url_has_allowed_host_and_scheme\n"


def universe():
    def dj(version, has):
        return {"version": version, "upload_time": "2021-12-07T00:00:00Z" if version.startswith("4") else "2021-04-06T00:00:00Z",
                "files": {"djangoish/__init__.py": "", "djangoish/utils/__init__.py": "",
                          "djangoish/utils/http.py": ("def is_safe_url(u):\n    pass\n" if has else "") +
                          "def url_has_allowed_host_and_scheme(u):\n    pass\n"}}

    def w2fa(version, views, when):
        return {"version": version, "upload_time": when, "requires_dist": ["djangoish>=3"],
                "files": {"wagtail_2fa/__init__.py": "", "wagtail_2fa/views.py": views}}

    return {"djangoish": [dj("3.2.12", True), dj("4.0.3", False)],
            "wagtail-2fa": [w2fa("1.5.0", VIEWS_OLD, "2021-03-01T00:00:00Z"), w2fa("1.6.0", VIEWS_NEW, "2022-03-28T00:00:00Z")]}


def paste(path):
    return ("Traceback (most recent call last):\n"
            f'  File "{path}", line 12, in <module>\n'
            "    from djangoish.utils.http import is_safe_url\n"
            "ImportError: cannot import name 'is_safe_url' from 'djangoish.utils.http' "
            "(/Users/t/.virtualenvs/d/lib/python3.10/site-packages/djangoish/utils/http.py)\n")


def test_a_checkout_frame_makes_the_pin_the_caller_and_its_fixed_release_an_answer(index_for):
    index, target = index_for(universe(), python="3.10")
    pins = parse_requirements_text("djangoish==4.0.3\nwagtail-2fa==1.5.0\n", target)
    d = diagnose_text(index, target, pins, paste("/Users/t/Python/wagtail-2fa/src/wagtail_2fa/views.py"))
    assert d.verdict == "transitive"
    assert ("wagtail-2fa", ">=1.6.0") in {(c.name, c.constraint) for c in d.culprits}


def test_a_vendored_copy_stays_the_projects_code(index_for):
    index, target = index_for(universe(), python="3.10")
    pins = parse_requirements_text("djangoish==4.0.3\nwagtail-2fa==1.5.0\n", target)
    d = diagnose_text(index, target, pins, paste("/srv/site/vendor/wagtail_2fa/views.py"))
    assert not any(c.name == "wagtail-2fa" for c in d.culprits)
