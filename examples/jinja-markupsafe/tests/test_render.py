from render import greet


def test_greet():
    assert greet("depfix") == "Hello depfix!"
