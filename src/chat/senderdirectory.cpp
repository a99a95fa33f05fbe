#include "senderdirectory.h"

#include <QCoreApplication>
#include <QRegularExpression>

SenderDirectory::SenderDirectory()
{
    m_senders.push_back(
        { QString(), QCoreApplication::translate("SenderDirectory", "Unknown"), {}, {} });
}

quint32 SenderDirectory::intern(
    const QString &id, const QString &name, const QString &avatar, const QString &role)
{
    if (id.isEmpty())
        return 0;
    auto it = m_indexById.constFind(id);
    if (it != m_indexById.constEnd()) {
        Sender &sender = m_senders[*it];
        if (!name.isEmpty() && sender.name != name)
            sender.name = name;
        if (!avatar.isEmpty() && sender.avatar != avatar)
            sender.avatar = avatar;
        if (!role.isEmpty() && sender.role != role)
            sender.role = role;
        return *it;
    }
    const auto index = quint32(m_senders.size());
    m_senders.push_back({ id,
        name.isEmpty() ? QCoreApplication::translate("SenderDirectory", "User %1").arg(id) : name,
        avatar, role });
    m_indexById.insert(id, index);
    return index;
}

quint32 SenderDirectory::indexOf(const QString &id)
{
    return intern(id, {});
}

QString SenderDirectory::nameOf(const QString &id) const
{
    const auto it = m_indexById.constFind(id);
    return it == m_indexById.constEnd() ? QString() : m_senders[*it].name;
}

QString SenderDirectory::roleOf(const QString &id) const
{
    const auto it = m_indexById.constFind(id);
    return it == m_indexById.constEnd() ? QString() : m_senders[*it].role;
}

QString SenderDirectory::withMentionNames(const QString &text, const QStringList *mentions) const
{
    // Only texts with a token pay for the expression.
    if (!text.contains(QLatin1String("<@")))
        return text;
    static const QRegularExpression token(QStringLiteral("<@(\\d{1,15})>"));
    QString result;
    qsizetype copied = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString id = match.captured(1);
        const QString name = nameOf(id);
        if (mentions ? !mentions->contains(id) : name.isEmpty())
            continue;
        result += QStringView(text).mid(copied, match.capturedStart() - copied);
        result += u'@'
            + (name.isEmpty() ? QCoreApplication::translate("SenderDirectory", "user %1").arg(id)
                              : name);
        copied = match.capturedEnd();
    }
    result += QStringView(text).mid(copied);
    return result;
}
