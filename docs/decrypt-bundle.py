#!/usr/bin/env python3
"""Decrypt the credentials of a Ferry bundle with Python's `cryptography` package.

usage: python3 decrypt-bundle.py BUNDLE.json   (the passphrase is read from stdin)
Prints one JSON object per line: {"section", "name", "secret"}.
"""
import base64
import hashlib
import json
import sys

from cryptography.fernet import Fernet

bundle = json.load(open(sys.argv[1], encoding="utf-8"))
passphrase = sys.stdin.readline().rstrip("\n")
enc = bundle["encryption"]
assert enc["cipher"] == "fernet" and enc["kdf"] == "pbkdf2-sha256"

# PBKDF2-HMAC-SHA256(passphrase, salt, iterations) -> 32 bytes -> urlsafe base64 = the Fernet key.
raw_key = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), base64.b64decode(enc["salt"]), enc["iterations"], dklen=32)
fernet = Fernet(base64.urlsafe_b64encode(raw_key))

# The verifier holds the UTF-8 text "ferry": a wrong passphrase fails here (InvalidToken).
assert fernet.decrypt(enc["verifier"].encode("ascii")) == b"ferry"

for section in ("connections", "llmConfigs"):
    for item in bundle.get(section) or []:
        credentials = item["credentials"]
        if isinstance(credentials, dict):
            secret = json.loads(fernet.decrypt(credentials["encrypted"].encode("ascii")))
            print(json.dumps({"section": section, "name": item["name"], "secret": secret}))
