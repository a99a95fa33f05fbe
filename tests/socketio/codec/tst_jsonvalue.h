#pragma once

#include <QObject>

// Declared apart from the test data: moc cannot read the raw string literals in the .cpp.
class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalars();
    void wrongTypeGivesFallback();
    void arrays();
    void objects();
    void duplicateKeysLastWins();
    void escapedStrings();
    void iteration();
    void toVariantMatchesJsonReader_data();
    void toVariantMatchesJsonReader();
    void equality();
    void fromVariant();
    void outlivesFrameAndDecoder();
    void binaryAttachments();
    void placeholderWithDuplicateKeys();
    void arguments();
};
