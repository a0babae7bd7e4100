"""The decisions and actions register: meetings, decisions and actions read from the minutes.

Ingest calls ``build_register(index_dir, sections)`` (or ``register_builder`` as
an ingest derived-store builder); the assistant answers through one handler per kind of
record question, ``register_handlers(Register(index_dir), chunks)`` (``load_handlers``),
and ``RegisterRouter`` tries them all.
"""

from tools.register.ingest import load_handlers, register_builder
from tools.register.router import RegisterRouter, register_handlers
from tools.register.store import Register, build_register, compile_register

__all__ = [
    "Register",
    "RegisterRouter",
    "build_register",
    "compile_register",
    "load_handlers",
    "register_builder",
    "register_handlers",
]
