#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApi)
/// Uploads and downloads: file ids, sizes, statuses; never a token or a full URL.
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)
