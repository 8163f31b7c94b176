"""A fork server that runs pytest for reliability/mutation.sh, one forked process per mutant.

Importing numpy, shapely and pytest costs more than running a module's tests, so this process imports
them once and forks for every run: the child imports gisdesk afresh (the module mutmut has just
mutated) and runs pytest. It never imports gisdesk itself.

    python _test_server.py COPY PORT_FILE PYTEST_ARGS...

It writes the port it listens on (127.0.0.1 only) to PORT_FILE. A client connects and sends a line;
the server answers with pytest's exit code. When the client goes away (mutmut stopped a run that took
too long), the run is killed.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import sys


def main() -> None:
    copy, port_file, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    import numpy  # noqa: F401  (imported once, shared by every forked run)
    import pytest
    import shapely  # noqa: F401
    import shapely.geometry  # noqa: F401

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.getsockname()[1]))
    os.replace(port_file + ".tmp", port_file)
    os.chdir(copy)
    sys.path.insert(0, copy)
    while True:
        conn, _ = server.accept()
        with conn:
            conn.recv(64)
            pid = os.fork()
            if pid == 0:
                server.close()
                conn.close()
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 1)
                os.dup2(null, 2)
                try:
                    code = int(pytest.main(list(args)))
                except BaseException:  # noqa: BLE001 - anything that escapes pytest kills the mutant
                    code = 3
                os._exit(code)
            code = None
            while code is None:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    code = os.waitstatus_to_exitcode(status)
                    break
                readable, _, _ = select.select([conn], [], [], 0.02)
                if readable and not conn.recv(64):  # the client is gone: stop the run
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    code = -1
            try:
                conn.sendall(f"{code}\n".encode())
            except OSError:
                pass


if __name__ == "__main__":
    main()
