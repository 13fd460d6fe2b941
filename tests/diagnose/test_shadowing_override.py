"""A pin calls ``cls.m(a, b)`` and meets another pin's subclass override ``m(cls, a)``.

philipn/django-rest-framework-filters#197: django-filter 1.1.0's ``get_filters`` calls
``cls.get_filter_name(field_name, lookup_expr)``; djangorestframework-filters 0.10.1 overrides
``get_filter_name(cls, param)`` on its FilterSet, so django-filter's own line fails.  0.10.2
renamed the override; django-filter 1.0.4 called a module function instead.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """  File "/../python3.5/site-packages/dfiltery/filterset.py", line 4, in get_filters
    filter_name = cls.get_filter_name(field_name, lookup_expr)
TypeError: get_filter_name() takes 2 positional arguments but 3 were given
"""
NEW = ("class BaseFilterSet:\n    @classmethod\n    def get_filters(cls, field_name='a', lookup_expr='exact'):\n"
       "        filter_name = cls.get_filter_name(field_name, lookup_expr)\n        return filter_name\n\n"
       "    @classmethod\n    def get_filter_name(cls, field_name, lookup_expr):\n        return field_name\n")
OLD = ("def get_filter_name(field_name, lookup_expr):\n    return field_name\n\n\nclass BaseFilterSet:\n"
       "    @classmethod\n    def get_filters(cls, field_name='a', lookup_expr='exact'):\n"
       "        return get_filter_name(field_name, lookup_expr)\n")
OVERRIDE = ("import six\nfrom dfiltery.filterset import BaseFilterSet\n\n\nclass FilterSet(six.with_metaclass(type, BaseFilterSet)):\n    @classmethod\n"
            "    def get_filter_name(cls, param):\n        return param\n")


def _universe(renamed=True):
    def drf(v, body):
        return {"version": v, "requires_dist": ["dfiltery"], "files": {"drffiltery/__init__.py": "", "drffiltery/filterset.py": body}}

    later = OVERRIDE.replace("def get_filter_name(cls, param)", "def get_param_filter_name(cls, param)") if renamed else OVERRIDE
    return {"dfiltery": [{"version": v, "files": {"dfiltery/__init__.py": "", "dfiltery/filterset.py": body}}
                         for v, body in (("1.0.4", OLD), ("1.1.0", NEW))],
            "drffiltery": [drf("0.10.1", OVERRIDE), drf("0.10.2", later)]}


def _diagnose(index_for, universe, python="3.5", paste=PASTE):
    index, target = index_for(universe, python=python)
    return diagnose_paste(index, target, "drffiltery==0.10.1\ndfiltery==1.1.0\n", paste)


def test_either_side_of_the_shadowing_override_is_a_way_out(index_for):
    d = _diagnose(index_for, _universe())
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("dfiltery", "<=1.0.4"), ("drffiltery", ">=0.10.2")], d.summary
    assert d.verdict == "transitive"


def test_an_override_kept_in_every_release_leaves_only_the_callers_way_back(index_for):
    d = _diagnose(index_for, _universe(renamed=False))
    assert [(c.name, c.constraint) for c in d.culprits] == [("dfiltery", "<=1.0.4")], d.summary


def test_a_def_of_that_shape_on_a_class_not_built_on_the_callers_is_no_override(index_for):
    # (review) Django admin calling self.get_queryset(request) is not DRF's GenericAPIView(APIView) override
    universe = _universe()
    unrelated = OVERRIDE.replace("class FilterSet(six.with_metaclass(type, BaseFilterSet)):", "class FilterSet(object):")
    for rel in universe["drffiltery"]:
        rel["files"]["drffiltery/filterset.py"] = unrelated
    d = _diagnose(index_for, universe)
    assert not d.culprits, d.summary


def test_a_qualified_name_picks_the_overriding_class(index_for):
    # Python 3.10+ prints 'FilterSet.get_filter_name()': another class of that shape is not the override
    universe = _universe()
    for rel in universe["drffiltery"]:
        rel["files"]["drffiltery/filterset.py"] = rel["files"]["drffiltery/filterset.py"].replace("class FilterSet(", "class OtherSet(")
    paste = PASTE.replace("TypeError: get_filter_name()", "TypeError: FilterSet.get_filter_name()")
    d = _diagnose(index_for, universe, python="3.11", paste=paste)
    assert "drffiltery" not in {c.name for c in d.culprits}, d.summary
