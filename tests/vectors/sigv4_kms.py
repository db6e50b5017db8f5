#!/usr/bin/env python3
"""Independent SigV4 reference for src/roots/sigv4.rs: signs the same KMS Encrypt request with
botocore (the signer the AWS CLI uses) at the same fixed time and prints the Authorization
header that the unit test pins. Run: python3 tests/vectors/sigv4_kms.py"""
import datetime
from unittest import mock

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

body = b'{"KeyId":"alias/lkms","Plaintext":"AAEC","EncryptionContext":{"lkms:keyring":"k1"}}'
creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN")
req = AWSRequest(
    method="POST",
    url="http://127.0.0.1:5000/",
    data=body,
    headers={
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "TrentService.Encrypt",
    },
)
fixed = datetime.datetime(2026, 1, 1, 0, 0, 0)
with mock.patch("botocore.auth.get_current_datetime", return_value=fixed):
    SigV4Auth(creds, "kms", "us-east-1").add_auth(req)
print(req.headers["Authorization"])
