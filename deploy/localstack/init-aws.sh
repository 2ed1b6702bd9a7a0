#!/usr/bin/env bash
# LocalStack ready hook: the Kinesis stream a CloudWatch Logs subscription writes into, a log
# group that can be subscribed, and the KCL lease table (KCL 3.x creates its others itself).
set -euo pipefail
awslocal kinesis create-stream --stream-name precursor-logs --shard-count 2
awslocal kinesis wait stream-exists --stream-name precursor-logs
awslocal logs create-log-group --log-group-name /aws/rds/cluster/ads-prod/slowquery
awslocal logs create-log-group --log-group-name /aws/rds/cluster/ads-prod/error
awslocal dynamodb create-table --table-name precursor-ingest \
  --attribute-definitions AttributeName=leaseKey,AttributeType=S AttributeName=leaseOwner,AttributeType=S \
  --key-schema AttributeName=leaseKey,KeyType=HASH \
  --global-secondary-indexes 'IndexName=LeaseOwnerToLeaseKeyIndex,KeySchema=[{AttributeName=leaseOwner,KeyType=HASH},{AttributeName=leaseKey,KeyType=RANGE}],Projection={ProjectionType=KEYS_ONLY}' \
  --billing-mode PAY_PER_REQUEST
echo "precursor: LocalStack ready (stream precursor-logs, log groups, lease table)"
