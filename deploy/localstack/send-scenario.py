#!/usr/bin/env python3
"""Sends a scenario's Kinesis exports (GetRecords JSON, as `precursor simulate` writes them) into
the LocalStack stream with PutRecords, in order, so live ingest reads them as it would read a
CloudWatch Logs subscription. Runs in the compose stack's `send-scenario` service (boto3 is in the
LocalStack image): python3 send-scenario.py /scenarios/seed-000 precursor-logs"""
import base64
import glob
import json
import os
import sys

import boto3

directory, stream = sys.argv[1], sys.argv[2]
kinesis = boto3.client(
    "kinesis",
    endpoint_url=os.environ.get("AWS_ENDPOINT_URL", "http://localstack:4566"),
    region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
)
sent = 0
for path in sorted(glob.glob(os.path.join(directory, "kinesis", "**", "*.json"), recursive=True)):
    with open(path) as f:
        records = json.load(f).get("Records", [])
    for start in range(0, len(records), 500):
        batch = [
            {"Data": base64.b64decode(r["Data"]), "PartitionKey": r["PartitionKey"]}
            for r in records[start : start + 500]
        ]
        answer = kinesis.put_records(StreamName=stream, Records=batch)
        if answer.get("FailedRecordCount", 0):
            sys.exit(f"{answer['FailedRecordCount']} records of {path} were refused")
        sent += len(batch)
print(f"precursor: sent {sent} subscription records from {directory} to {stream}")
