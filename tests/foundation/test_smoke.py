import pytest


@pytest.mark.parametrize(
    "role",
    [
        "coach",
        "area_admin",
        "auditor",
        "jobseeker",
        "partner",
        "analyst",
        "employer_user",
        "unit_lead",
        "statement_officer",
    ],
)
def test_home_redirects_each_role_somewhere_that_renders(world, login, role):
    client = login(world.users[role])
    response = client.get("/home/", follow=True)
    assert response.status_code == 200
