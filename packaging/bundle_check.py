"""List shared libraries in a PyInstaller onedir bundle that nothing in it loads.

    python packaging/bundle_check.py dist/mailtester

The roots are the executable's libpython, every Python extension module and
every Qt plugin; the closure follows ldd. Anything left over only costs size.
Exits 1 if it finds such libraries, so the build script can stop on them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def deps(path: Path, env: dict[str, str]) -> set[str]:
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
    return {line.split("=>")[1].split("(")[0].strip() for line in out.splitlines() if "=>" in line} - {""}


def main() -> int:
    internal = Path(sys.argv[1]).resolve() / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6/Qt/lib'}")
    libs = {p.resolve() for p in internal.glob("*.so*") if not p.is_symlink()}
    # Roots: Python extension modules, Qt plugins and libraries, and libpython.
    roots = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()
             and (p.parent != internal or not p.name.startswith("lib") or p.name.startswith("libpython"))]
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        lib = todo.pop()
        if lib in seen:
            continue
        seen.add(lib)
        todo += [Path(d).resolve() for d in deps(lib, env) if Path(d).exists()]
    unused = sorted(libs - seen)
    for lib in unused:
        print(f"unused: {lib.name} ({lib.stat().st_size // 1024} KiB)")
    return 1 if unused else 0


if __name__ == "__main__":
    sys.exit(main())
