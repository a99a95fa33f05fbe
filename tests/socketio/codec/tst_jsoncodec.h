#pragma once

#include <QObject>

// Declared apart from the test data: moc cannot read the raw string literals in the .cpp.
class TestJsonCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void depthLimit();
    void nullArguments();
    void crossCheckWithQJsonDocument_data();
    void crossCheckWithQJsonDocument();
    void writerRoundTrip_data();
    void writerRoundTrip();
    void write_data();
    void write();
    void writeDoublesRoundTrip();
    void writeCollectsAttachments();
    void writeAppends();
    void writeEscapesAtEveryPosition();
    void keyCacheKeepsKeysDistinct();
};
