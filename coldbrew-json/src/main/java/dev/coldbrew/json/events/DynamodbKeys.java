package dev.coldbrew.json.events;

/**
 * The JSON keys of a DynamoDB stream record and of its attribute values, shared by {@link DynamodbStreamReader}
 * and {@link DynamodbStreamWriter}. Source: the DynamoDB Streams event in the Lambda developer guide ("Using
 * Lambda with DynamoDB") and the DynamoDB {@code AttributeValue} data type reference.
 */
final class DynamodbKeys {
    private DynamodbKeys() {}

    static final String CREATED = "ApproximateCreationDateTime";
    static final String KEYS = "Keys";
    static final String NEW_IMAGE = "NewImage";
    static final String OLD_IMAGE = "OldImage";
    static final String SEQUENCE_NUMBER = "SequenceNumber";
    static final String SIZE_BYTES = "SizeBytes";
    static final String STREAM_VIEW_TYPE = "StreamViewType";

    static final String S = "S";
    static final String N = "N";
    static final String B = "B";
    static final String SS = "SS";
    static final String NS = "NS";
    static final String BS = "BS";
    static final String M = "M";
    static final String L = "L";
    static final String NULL = "NULL";
    static final String BOOL = "BOOL";
}
