"""A tiny project built on Jinja2 2.11: renders a greeting."""

from jinja2 import Template


def greet(name: str) -> str:
    return Template("Hello {{ name }}!").render(name=name)
