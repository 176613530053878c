import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_is_rate_limited_per_user_name(client, organiser, settings):
    settings.RATELIMIT_PER_ADDRESS = 3
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "organiser", "password": "wrong"})
        assert response.status_code == 200

    response = client.post("/admin/login/", {"username": "organiser", "password": "correct horse battery"})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_is_rate_limited_per_ip(client, settings):
    settings.RATELIMIT_PER_IP = 2
    client.post("/admin/login/", {"username": "a", "password": "x"})
    client.post("/admin/login/", {"username": "b", "password": "x"})

    assert client.post("/admin/login/", {"username": "c", "password": "x"}).status_code == 429


def test_admin_login_still_signs_in_under_the_limit(client, organiser):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "organiser", "password": "correct horse battery"}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
