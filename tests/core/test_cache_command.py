"""depfix cache counts and cleans verification environments as whole environments."""

import json

from pytest_depfix.cli import main
from pytest_depfix.verify_env import ENV_MARKER


def test_cache_clean_removes_metadata_entries_and_environments(tmp_path, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "six.json").write_text("{}")
    env = tmp_path / "envs" / "0123abcd"
    (env / "lib").mkdir(parents=True)
    (env / ENV_MARKER).write_text("{}")
    (env / "lib" / "many.json").write_text("{}")  # inside an env: not a cache entry

    assert main(["cache", "info", "--cache-dir", str(tmp_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sections"]["envs"]["entries"] == 1
    assert info["sections"]["pages"]["entries"] == 1

    assert main(["cache", "clean", "--cache-dir", str(tmp_path), "--section", "envs"]) == 0
    assert not env.exists() and (tmp_path / "pages" / "six.json").exists()
    assert main(["cache", "clean", "--cache-dir", str(tmp_path)]) == 0
    assert not (tmp_path / "pages").exists()
