"""A frameless "property 'mode' of 'PngImageFile' object has no setter": the class's pin made it read-only.

scikit-image#7207: imageio 2.31.5 sets ``image.mode = desired_mode`` on a Pillow image; Pillow
10.1 turned ``Image.mode`` into a property.  The pytest paste is cut: only the ``>`` line and
the ``E`` line are left, but Python 3.11's wording names the class.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """                # Let pillow know that it is okay to return 16-bit
>               image.mode = desired_mode
E               AttributeError: property 'mode' of 'PngImageFile' object has no setter
"""
OLD = "class Image:\n    def __init__(self):\n        self.mode = 'RGB'\n"
NEW = ("class Image:\n    def __init__(self):\n        self._mode = 'RGB'\n\n"
       "    @property\n    def mode(self):\n        return self._mode\n")
ALWAYS = "class Palette:\n    @property\n    def mode(self):\n        return 'P'\n"
PLUGIN = "from .Image import Image\n\n\nclass PngImageFile(Image):\n    format = 'PNG'\n"


def _universe(bodies):
    return {"pilx": [{"version": v, "files": {"pilx/__init__.py": "", "pilx/Image.py": body + "\n\n" + ALWAYS,
                                              "pilx/PngImagePlugin.py": PLUGIN}} for v, body in bodies]}


def test_the_pin_defining_the_named_class_goes_back_before_the_property(index_for):
    index, target = index_for(_universe([("10.0.0", OLD), ("10.0.1", OLD), ("10.1.0", NEW)]), python="3.11")
    d = diagnose_paste(index, target, "pilx==10.1.0\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("pilx", "<=10.0.1")], d.summary
    assert "Image" in d.summary


def test_a_property_the_pin_always_had_read_only_moves_nothing(index_for):
    index, target = index_for(_universe([("10.0.0", NEW), ("10.0.1", NEW), ("10.1.0", NEW)]), python="3.11")
    d = diagnose_paste(index, target, "pilx==10.1.0\n", PASTE)
    assert not d.culprits, d.summary


def test_reading_release_files_prints_no_warnings_into_the_run(index_for):
    # Someone else's '\_' escape in a release file must not reach the user's pytest summary.
    import warnings

    odd = "PATTERN = '\\_'\n\n"
    index, target = index_for(_universe([("10.0.1", odd + OLD), ("10.1.0", odd + NEW)]), python="3.11")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        diagnose_paste(index, target, "pilx==10.1.0\n", PASTE)
    assert not [w for w in seen if issubclass(w.category, (SyntaxWarning, DeprecationWarning))], [str(w.message) for w in seen]
