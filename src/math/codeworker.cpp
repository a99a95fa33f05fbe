#include "codeworker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

CodeWorker::CodeWorker(int timeLimitMs, int idleUnloadMs)
    : ScriptWorker(QStringLiteral(":/jsengine/highlight.js"), QStringLiteral("StudyHighlight"),
        QStringLiteral("tokens"), timeLimitMs, idleUnloadMs)
{ }

bool CodeWorker::parseTokens(const QByteArray &json, int codeLength, CodeHighlight *result)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue tokens = object.value(QLatin1String("tokens"));
    if (!tokens.isArray())
        return false;
    result->language = object.value(QLatin1String("language")).toString();
    const QJsonArray array = tokens.toArray();
    result->tokens.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonArray token = value.toArray();
        const int start = token.at(0).toInt(-1);
        const int length = token.at(1).toInt(-1);
        if (start < 0 || length < 0 || start + length > codeLength)
            return false;
        if (length > 0)
            result->tokens.append({ start, length, token.at(2).toString() });
    }
    return true;
}

void CodeWorker::highlight(const QString &key, const QString &code, const QString &language)
{
    QString error;
    const QString json = call({ code, language }, &error);
    if (json.isNull()) {
        Q_EMIT failed(key, error);
        return;
    }
    CodeHighlight result;
    if (!parseTokens(json.toUtf8(), int(code.size()), &result)) {
        Q_EMIT failed(key, QStringLiteral("highlight.js answered something unexpected"));
        return;
    }
    Q_EMIT highlighted(key, result);
}
