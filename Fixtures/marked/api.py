import hashlib
import os
import subprocess

import requests
import yaml


def find_user(cursor, user_id):
    cursor.execute("SELECT * FROM users WHERE id = " + user_id)  # expect: security.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"SELECT name FROM users WHERE id = {user_id}")  # expect: security.sql-injection
    # cursor.execute("SELECT * FROM users WHERE id = " + user_id)
    log.info("Select an item from " + menu_name)


def run(path, archive):
    os.system("tar xf " + archive)  # expect: security.command-injection
    subprocess.run(["tar", "xf", archive])
    subprocess.run(f"ls {path}", shell=True)  # expect: security.command-injection
    os.system("clear")


def fetch_all(urls, session):
    results = []
    for url in urls:
        results.append(requests.get(url, verify=False))  # expect: performance.http-in-loop, security.tls-verification-disabled
    return results


def load(stream, data):
    config = yaml.load(stream)  # expect: security.unsafe-deserialization
    safe = yaml.safe_load(stream)
    digest = hashlib.md5(data).hexdigest()  # expect: security.weak-hash
    cache_key = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return eval(data)  # expect: security.code-eval


DB_PASSWORD = "Xk9#mP2vL8qR-prod"  # expect: security.hardcoded-secret
ADMIN_PASSWORD = "changeme"
API_KEY = os.environ["API_KEY"]
HELP = """
Never call eval(x) or os.system(cmd) on user input.
"""


def cleanup(tmp):
    try:
        os.remove(tmp)
    except OSError:
        pass
    try:
        os.remove(tmp)
    except:  # expect: quality.bare-except
        log.warning("cleanup failed")
    try:
        run(tmp)
    except Exception:  # expect: quality.swallowed-exception
        pass
