"""Found by review: uses_in_source's new loop-name binding is file-wide, not scoped to the loop."""
from pytest_depfix.diagnose.users import uses_in_source


def test_a_loop_name_stands_for_the_modules_only_inside_its_loop():
    src = ("import numpy as np\n\nfor m in (np,):\n    print(m.__version__)\n\n"
           "def scale(m):\n    return m.float\n")  # another 'm' (a parameter), not numpy
    assert uses_in_source(src, "numpy", "float", "AttributeError") is None
