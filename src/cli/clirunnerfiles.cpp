// CliRunner, the files half: --attach and --attach-dm go through the same outbox as --send and
// --dm (the file is uploaded, then the message is sent), once the server has said that it takes
// files and how large.
#include "chat/attachmentfiles.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"
#include "clirunner.h"

void CliRunner::queueAttachments()
{
    ConversationManager *manager = m_service->manager();
    // What this server announced in an earlier run (--profile) counts until it answers: the
    // message is kept and goes once it is reachable, like a --send.
    const bool filesKnown =
        manager->featuresKnown() || manager->hasFeature(QStringLiteral("files"));
    if (m_attachmentsQueued || m_finished || !filesKnown)
        return;
    QObject::disconnect(m_filesWait);
    m_attachmentsQueued = true;
    if (!manager->hasFeature(QStringLiteral("files"))) {
        finish(NotSupported,
            QStringLiteral("--attach: not supported by this server (it does not announce "
                           "\"files\")"));
        return;
    }
    // All or nothing, like the message changes: every file is checked before one goes.
    QList<OutboxAttachment> checked;
    for (const CliAttachment &attachment : std::as_const(m_options.attachments)) {
        const AttachmentFiles::Checked file =
            AttachmentFiles::check(attachment.file, manager->maxFileBytes());
        if (!file.error.isEmpty()) {
            finish(TimedOut,
                QStringLiteral("%1 %2: %3")
                    .arg(attachment.direct ? QStringLiteral("--attach-dm")
                                           : QStringLiteral("--attach"),
                        attachment.file, file.error));
            return;
        }
        checked.append(file.attachment);
    }
    for (qsizetype i = 0; i < checked.size(); ++i) {
        const CliAttachment &attachment = m_options.attachments.at(i);
        const ConversationKey key = attachment.direct
            ? ConversationKey::directWith(attachment.target)
            : ConversationKey::room(attachment.target);
        Conversation *target = manager->conversation(key, true);
        if (!attachment.direct && !m_service->isJoined(attachment.target))
            m_unconfirmedJoins.insert(attachment.target);
        const QString clientId =
            manager->sendWithAttachments(target, attachment.text, { checked.at(i) });
        if (clientId.isEmpty()) {
            finish(NotSupported, QStringLiteral("--attach: not supported by this server"));
            return;
        }
        m_unconfirmedSends.insert(clientId);
    }
    checkDone();
}
