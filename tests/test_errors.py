import pytest

from kgapi.errors import (BadRequest, Forbidden, InvalidParameter, KgapiError, NotFound,
                          QueryTimeout, StoreUnavailable, Unauthorized, ValidationFailed)


@pytest.mark.parametrize("cls,status", [(BadRequest, 400), (Unauthorized, 401), (Forbidden, 403),
                                        (NotFound, 404), (ValidationFailed, 422), (QueryTimeout, 503),
                                        (StoreUnavailable, 503)])
def test_status_and_shape(cls, status):
    err = cls("something went wrong", details={"k": 1})
    body = err.to_dict()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status == err.status
    assert body["error"]["message"] == "something went wrong"
    assert body["error"]["details"] == {"k": 1}
    assert isinstance(err, KgapiError)


def test_invalid_parameter_names_the_parameter():
    err = InvalidParameter("limit", "must be at least 1")
    assert err.status == 400
    assert err.details["parameter"] == "limit"
    assert "limit" in err.message
