#pragma once

#include <QObject>

// Declared apart from the test data: moc cannot read the raw string literals in the .cpp.
class TestPacketCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void decodeInvalid_data();
    void decodeInvalid();
    void decodeBinary_data();
    void decodeBinary();
    void binaryErrors();
    void maxAttachments();
    void encode_data();
    void encode();
    void roundTrip_data();
    void roundTrip();
    void decodeFromOffset();
    void takePacketResets();
};
