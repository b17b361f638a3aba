#!/usr/bin/env python3
"""Bulk API tokens for bench/ratio.sh, written straight for the api_token table.

A token is 32 characters of [0-9A-Z]: 26 random characters (the body) and 6 check characters,
    check = base36_6(int.from_bytes(HMAC-SHA256(key, body)[:8], "big") % 36**6)
with key = the UTF-8 bytes of openuapi.tokens.check-key. The row stores token_hash = sha512_hex(token) and,
when the table has the column, check_key = hex(HMAC-SHA256(key, "openuapi-token-check-fingerprint")[:8]).

The key comes from the environment (BENCH_CHECK_KEY), never from the command line. Token values are written
only to --values, created with mode 0600; nothing here prints one.

    tokens.py --count N --first-index I --account-id A --create-time T --load FILE \
              --values FILE [--sample-every K] [--sample-limit M] [--check-key-column]

writes N rows "account_id<TAB>name<TAB>token_hash<TAB>create_time[<TAB>check_key]" to --load (for
LOAD DATA LOCAL INFILE), named bulk-<I>, bulk-<I+1>, ..., and appends the values of the rows whose
number minus one is a multiple of K (bulk-1, bulk-<1+K>, ...; at most M of them) to --values, one a line,
so that several calls over consecutive ranges sample like one.
"""

import argparse
import hashlib
import hmac
import os
import sys

ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BODY_LENGTH = 26
CHECK_LENGTH = 6
CHECK_MODULUS = 36 ** CHECK_LENGTH
FINGERPRINT_MESSAGE = b"openuapi-token-check-fingerprint"

# Random bytes below 252 (= 7 * 36) map evenly onto the alphabet; the rest are dropped.
_TO_ALPHABET = bytes(ALPHABET[b % 36] if b < 252 else 0 for b in range(256))
_REJECTED = bytes(range(252, 256))


def check(key: bytes, body: bytes) -> bytes:
    n = int.from_bytes(hmac.digest(key, body, "sha256")[:8], "big") % CHECK_MODULUS
    digits = bytearray(CHECK_LENGTH)
    for i in range(CHECK_LENGTH - 1, -1, -1):
        n, digit = divmod(n, 36)
        digits[i] = ALPHABET[digit]
    return bytes(digits)


def fingerprint(key: bytes) -> str:
    return hmac.digest(key, FINGERPRINT_MESSAGE, "sha256")[:8].hex()


def random_bodies(count: int):
    """Yields COUNT random 26-character bodies from [0-9A-Z], drawn from os.urandom."""
    pool = b""
    made = 0
    while made < count:
        want = min(count - made, 65536)
        while len(pool) < want * BODY_LENGTH:
            pool += os.urandom(want * BODY_LENGTH * 2).translate(_TO_ALPHABET, _REJECTED)
        for i in range(want):
            yield pool[i * BODY_LENGTH:(i + 1) * BODY_LENGTH]
        pool = pool[want * BODY_LENGTH:]
        made += want


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--first-index", type=int, default=1)
    parser.add_argument("--account-id", type=int, required=True)
    parser.add_argument("--create-time", type=int, required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--values", required=True)
    parser.add_argument("--sample-every", type=int, default=1)
    parser.add_argument("--sample-limit", type=int, default=sys.maxsize)
    parser.add_argument("--check-key-column", action="store_true")
    args = parser.parse_args()

    secret = os.environ.get("BENCH_CHECK_KEY", "")
    if not secret:
        print("tokens.py: BENCH_CHECK_KEY is not set", file=sys.stderr)
        return 2
    key = secret.encode("utf-8")
    suffix = ("\t" + fingerprint(key)) if args.check_key_column else ""
    prefix = f"{args.account_id}\t"
    middle = f"\t{args.create_time}{suffix}\n"

    sampled = 0
    old_umask = os.umask(0o077)
    try:
        with open(args.load, "w", encoding="ascii") as load, \
                open(args.values, "a", encoding="ascii") as values:
            os.chmod(args.values, 0o600)
            for i, body in enumerate(random_bodies(args.count)):
                token = body + check(key, body)
                load.write(f"{prefix}bulk-{args.first_index + i}\t{hashlib.sha512(token).hexdigest()}{middle}")
                if (args.first_index + i - 1) % args.sample_every == 0 and sampled < args.sample_limit:
                    values.write(token.decode("ascii") + "\n")
                    sampled += 1
    finally:
        os.umask(old_umask)
    print(f"{args.count} rows, {sampled} values kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
