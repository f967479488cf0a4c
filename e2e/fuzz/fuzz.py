"""Property-based fuzzing of every running service from its own OpenAPI document, with schemathesis.

Each service's operations are split among demo users so that each operation is called by a user whose
role allows it (the fewest users that cover them all, from the realm file); every (service, user) pair
is one bounded schemathesis run with a fresh token. Checks: no 5xx, and every documented answer
matches its schema. The test clock is left alone (it would move every service's time). Reports go to
$STACK_DIR/test-results/fuzz/, and a summary that infra/native/test.sh counts to $STACK_DIR/test-results/fuzz.json.
Exits non-zero when any run found a failure or could not run.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STACK_DIR = Path(os.environ.get("STACK_DIR", ROOT / ".stack"))
REPORTS = STACK_DIR / "test-results"
KEYCLOAK_URL = os.environ.get("KEYCLOAK_URL", "http://localhost:8080")
DEMO_PASSWORD = "hamgam-demo"
# The ports of apps/shell/server/remotes.js (and e2e/support/stack.ts).
SERVICES = {
    "clinics": 4001,
    "vocational-training": 4002,
    "welfare": 4003,
    "relief-partnerships": 4004,
    "institute-funding": 4005,
    "coordination": 4006,
}
EXCLUDED_PATHS = {"/api/v1/test-clock"}
# Per run: a few examples per operation and a time budget of about a second per operation, between
# these bounds, so the whole fuzz stays within ~4 minutes on 2 cores.
MAX_EXAMPLES = os.environ.get("FUZZ_MAX_EXAMPLES", "10")
MIN_SECONDS, MAX_SECONDS = 8, int(os.environ.get("FUZZ_MAX_SECONDS_PER_RUN", "30"))
METHODS = {"get", "post", "put", "patch", "delete"}


def fetch_json(url, data=None):
    with urllib.request.urlopen(url, data=data, timeout=15) as res:
        return json.load(res)


def roles_of(op):
    """Who may call an operation: x-roles, else the kit's description ("Roles: a, b" / "Public: …")."""
    if isinstance(op.get("x-roles"), list):
        return op["x-roles"] or "public"
    description = op.get("description", "")
    if op.get("security") == [] and description.startswith("Public"):
        return "public"
    stated = re.match(r"^Roles: (.+)$", description)
    if not stated:
        raise SystemExit(f"an operation states no roles: {op.get('summary')}")
    return [r.strip() for r in stated.group(1).split(",")]


def role_holders():
    """Each realm role with one demo user who holds only that role, in the realm file's order."""
    realm = json.loads((ROOT / "infra/keycloak/hamgam-realm.json").read_text())
    holders = {}
    for user in realm["users"]:
        roles = user.get("realmRoles") or []
        if user.get("enabled", True) and len(roles) == 1 and roles[0] not in holders:
            holders[roles[0]] = user["username"]
    return holders


def plan(document, holders):
    """[(username, [(path, method)])]: the fewest users whose roles cover the operations, greedily."""
    ops = [
        (path, method, roles_of(op))
        for path, item in document["paths"].items()
        if path not in EXCLUDED_PATHS
        for method, op in item.items()
        if method in METHODS
    ]
    secured = [(p, m, r) for p, m, r in ops if r != "public"]
    public = [(p, m) for p, m, r in ops if r == "public"]
    runs, left = [], secured
    while left:
        role = max(holders, key=lambda role: sum(role in r for _, _, r in left))
        mine = [(p, m) for p, m, r in left if role in r]
        if not mine:
            raise SystemExit(f"no demo user may call {[(m, p) for p, m, _ in left]}")
        runs.append((holders[role], mine))
        left = [(p, m, r) for p, m, r in left if role not in r]
    if public:
        # Public operations ignore the token; they go with the first run.
        runs[0] = (runs[0][0], runs[0][1] + public)
    return runs


def only(document, operations):
    keep = {}
    for path, method in operations:
        keep.setdefault(path, {})[method] = document["paths"][path][method]
    return {**document, "paths": keep}


def token_for(username):
    body = urllib.parse.urlencode(
        {"grant_type": "password", "client_id": "hamgam-cli", "username": username, "password": DEMO_PASSWORD, "scope": "openid"}
    ).encode()
    return fetch_json(f"{KEYCLOAK_URL}/realms/hamgam/protocol/openid-connect/token", body)["access_token"]


def outcome(junit_dir):
    """(passed, failed) operations of one run, from its JUnit report (a failure or an error fails one)."""
    passed = failed = 0
    for report in junit_dir.glob("*.xml"):
        for case in ET.parse(report).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            else:
                passed += 1
    return passed, failed


def main():
    holders = role_holders()
    out = REPORTS / "fuzz"
    out.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    status = 0
    for service, port in SERVICES.items():
        origin = f"http://127.0.0.1:{port}"
        document = fetch_json(f"{origin}/openapi.json")
        for username, operations in plan(document, holders):
            run_dir = out / f"{service}--{username}"
            shutil.rmtree(run_dir, ignore_errors=True)
            run_dir.mkdir(parents=True)
            spec = run_dir / "openapi.json"
            spec.write_text(json.dumps(only(document, operations)))
            print(f"fuzz: {service} as {username}: {len(operations)} operations", flush=True)
            # One worker: the pinned Hypothesis on Python 3.11 can fail inside its own code when several threads draw at once.
            result = subprocess.run(
                [
                    str(Path(sys.executable).parent / "schemathesis"), "run", str(spec),
                    "--url", origin,
                    "--header", f"Authorization: Bearer {token_for(username)}",
                    "--checks", "not_a_server_error,response_schema_conformance",
                    "--max-examples", MAX_EXAMPLES,
                    "--max-time", str(max(MIN_SECONDS, min(MAX_SECONDS, len(operations)))),
                    "--workers", "1",
                    "--request-timeout", "15",
                    "--report", "junit,ndjson",
                    "--report-dir", str(run_dir),
                    "--output-truncate", "true",
                    "--warnings", "off",
                ]
                + (["--seed", os.environ["FUZZ_SEED"]] if os.environ.get("FUZZ_SEED") else []),
                stdout=open(run_dir / "output.txt", "w"),
                stderr=subprocess.STDOUT,
                # schemathesis keeps the examples that failed under ./.schemathesis and tries them first next time.
                cwd=STACK_DIR,
            )
            ok, bad = outcome(run_dir)
            passed, failed = passed + ok, failed + bad
            summary = (run_dir / "output.txt").read_text().strip().splitlines()
            print(f"fuzz: {service} as {username}: {ok} operations passed, {bad} failed — {summary[-1] if summary else ''}", flush=True)
            if result.returncode != 0:
                status = 1
                if bad == 0:
                    # It failed without reporting an operation (could not load the spec, crashed): count it.
                    failed += 1
                print("\n".join(summary[-60:]), flush=True)
    # The shape of vitest's JSON report, so test.sh counts the fuzzed operations in its closing line.
    (REPORTS / "fuzz.json").write_text(json.dumps({"numPassedTests": passed, "numFailedTests": failed}))
    print(f"fuzz: {passed} operations passed, {failed} failed (reports: {out})")
    return status


if __name__ == "__main__":
    sys.exit(main())
