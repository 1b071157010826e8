package dev.coldbrew.json.events;

/**
 * The JSON keys of an S3 event notification, shared by {@link S3EventReader} and {@link S3EventWriter}. Source: the
 * S3 event message structure (Amazon S3 user guide, "Event message structure", version 2.1).
 */
final class S3EventKeys {
    private S3EventKeys() {}

    static final String RECORDS = "Records";
    static final String EVENT_VERSION = "eventVersion";
    static final String EVENT_SOURCE = "eventSource";
    static final String AWS_REGION = "awsRegion";
    static final String EVENT_TIME = "eventTime";
    static final String EVENT_NAME = "eventName";
    static final String USER_IDENTITY = "userIdentity";
    static final String PRINCIPAL_ID = "principalId";
    static final String REQUEST_PARAMETERS = "requestParameters";
    static final String SOURCE_IP_ADDRESS = "sourceIPAddress";
    static final String RESPONSE_ELEMENTS = "responseElements";
    static final String X_AMZ_REQUEST_ID = "x-amz-request-id";
    static final String X_AMZ_ID_2 = "x-amz-id-2";
    static final String S3 = "s3";
    static final String S3_SCHEMA_VERSION = "s3SchemaVersion";
    static final String CONFIGURATION_ID = "configurationId";
    static final String BUCKET = "bucket";
    static final String NAME = "name";
    static final String OWNER_IDENTITY = "ownerIdentity";
    static final String ARN = "arn";
    static final String OBJECT = "object";
    static final String KEY = "key";
    static final String SIZE = "size";
    static final String E_TAG = "eTag";
    static final String VERSION_ID = "versionId";
    static final String SEQUENCER = "sequencer";
}
