"""The decisions and actions register: meetings, decisions and actions read from the minutes.

Ingest calls ``build_register(index_dir, sections)`` (or ``register_builder`` as
an ingest derived-store builder); the assistant routes questions through
``RegisterRouter(Register(index_dir), chunks)``.
"""

from tools.register.ingest import load_router, register_builder
from tools.register.router import RegisterRouter
from tools.register.store import Register, build_register, compile_register

__all__ = [
    "Register",
    "RegisterRouter",
    "build_register",
    "compile_register",
    "load_router",
    "register_builder",
]
