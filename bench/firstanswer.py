#!/usr/bin/env python3
"""Start-up timing for bench/ratio.sh: polls URL every 20 ms until it answers 200, then prints the
milliseconds since START (a Unix time in seconds with a fraction, e.g. bash's $EPOCHREALTIME taken just
before the process was launched).

    firstanswer.py URL START PID TIMEOUT_SECONDS

The Authorization header, if any, comes from the environment (BENCH_AUTHORIZATION), never from the command
line. Exits 1 when PID dies first, 2 on the time-out.
"""

import os
import sys
import time
import urllib.error
import urllib.request

INTERVAL = 0.02


def main() -> int:
    url, start, pid, timeout = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    headers = {}
    authorization = os.environ.get("BENCH_AUTHORIZATION", "")
    if authorization:
        headers["Authorization"] = authorization
    request = urllib.request.Request(url, headers=headers)
    deadline = start + timeout
    while True:
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                if response.status == 200:
                    response.read()
                    print(f"{(time.time() - start) * 1000:.0f}")
                    return 0
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return 1
        if time.time() > deadline:
            return 2
        time.sleep(INTERVAL)


if __name__ == "__main__":
    sys.exit(main())
