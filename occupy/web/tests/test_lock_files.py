"""The lock files that `make` installs from hold every range of requirements*.txt, at versions inside those
ranges, with hashes, and pin the same version of a package in both (production and tests run the same code)."""

import re

from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", re.MULTILINE)


def ranges(name: str) -> list[Requirement]:
    requirements = []
    for line in (settings.BASE_DIR / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            requirements += ranges(line[3:].strip())
        elif line:
            requirements.append(Requirement(line))
    return requirements


def pins(name: str) -> dict[str, str]:
    text = (settings.BASE_DIR / name).read_text()
    found = {canonicalize_name(package): version for package, version in PIN.findall(text)}
    assert text.count("--hash=sha256:") >= len(found), f"{name} lacks hashes: run `make lock`"
    return found


def test_lock_files_pin_every_range_within_it():
    for requirements, lock in (
        ("requirements.txt", "requirements.lock"),
        ("requirements-test.txt", "requirements-test.lock"),
    ):
        pinned = pins(lock)
        for requirement in ranges(requirements):
            name = canonicalize_name(requirement.name)
            assert name in pinned, f"{requirement.name} is in {requirements} but not in {lock}: run `make lock`"
            assert requirement.specifier.contains(pinned[name], prereleases=True), (
                f"{lock} pins {requirement.name}=={pinned[name]}, outside {requirements}'s {requirement.specifier}: "
                "run `make lock`"
            )


def test_lock_files_agree_on_every_version():
    runtime, tests = pins("requirements.lock"), pins("requirements-test.lock")

    assert {name: tests.get(name) for name in runtime} == runtime
