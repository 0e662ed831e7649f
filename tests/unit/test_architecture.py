"""The architecture, checked at run time where import-linter cannot see (lazy imports)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "paincoach"


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


CLI_WITHOUT_TEXTUAL = """
import sys
from paincoach.cli.main import main
home = sys.argv[1]
for argv in (["log", "--pain", "3"], ["today"], ["week"], ["help-now"], ["doctor"]):
    assert main(["--home", home, *argv]) == 0, argv
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(loaded)
assert not loaded, loaded
"""


def test_the_command_line_never_imports_textual(home: Path) -> None:
    done = _python(CLI_WITHOUT_TEXTUAL, str(home))
    assert done.returncode == 0, done.stdout + done.stderr


APP_WITHOUT_ENGINE = """
import sys, tempfile
from pathlib import Path
import paincoach.app
app = paincoach.app.create_app(Path(tempfile.mkdtemp()) / "home")
loaded = [m for m in ("sqlalchemy", "sqlmodel", "paincoach.db.engine") if m in sys.modules]
assert not loaded, loaded  # the journal opens after the first frame (docs/performance.md)
"""


def test_importing_the_app_and_making_it_builds_no_engine() -> None:
    done = _python(APP_WITHOUT_ENGINE)
    assert done.returncode == 0, done.stderr


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("init", sorted(SRC.rglob("__init__.py")), ids=lambda p: p.parent.name)
def test_every_package_init_is_a_docstring_only(init: Path) -> None:
    """So importing a package costs nothing: the lazy start-up stays lazy."""
    body = ast.parse(init.read_text(encoding="utf-8")).body
    if init.parent == SRC:  # paincoach/__init__.py also says its version
        body = [node for node in body if not isinstance(node, ast.Assign | ast.ImportFrom)]
    assert len(body) == 1 and isinstance(body[0], ast.Expr), init


def test_no_module_is_over_400_lines_and_few_stay_at_the_top() -> None:
    long = [
        f"{p.relative_to(SRC)}: {n}"
        for p in _modules()
        if (n := len(p.read_bytes().splitlines())) > 400
    ]
    assert long == []
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert len(top) <= 6, top


def test_every_binding_has_an_id() -> None:
    """Ids make every key remappable and let hint lines be built from the bindings."""
    missing = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "Binding"
        and not any(keyword.arg == "id" for keyword in node.keywords)
    ]
    assert missing == []
