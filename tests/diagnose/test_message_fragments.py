"""Pastes that are only a message, whose wording still names the exception.

A code comment quoting a library's exception after "throws", and a tool's prefix
before OpenAPI Generator's enum check (kubernetes 23.3's node conditions under qhub).
"""
from pytest_depfix.diagnose.message_only import infer_message


def test_a_library_exception_named_after_a_verb_that_raised_it_is_read():
    # jupyter-gmaps' issue quoted a code comment: "# throws TraitError: The 'config' trait of ..."
    inferred = infer_message("# throws TraitError: The 'config' trait of a Map instance must be a Config, but a "
                             "value of class 'dict' was specified\n")
    assert inferred is not None and inferred.exc_type == "TraitError"
    assert inferred.message.startswith("The 'config' trait")
    assert infer_message("it throws me off: the docs are unclear\n") is None


def test_openapi_generators_enum_check_is_read_from_where_it_starts():
    # qhub's "Problem encountered: " around kubernetes 23.3's generated model validation
    inferred = infer_message("Problem encountered: Invalid value for `type` (CorruptDockerOverlay2), must be one of "
                             "['DiskPressure', 'MemoryPressure', 'NetworkUnavailable', 'PIDPressure', 'Ready']\n")
    assert inferred is not None and inferred.exc_type == "ValueError"
    assert inferred.message.startswith("Invalid value for `type` (CorruptDockerOverlay2)")
