#include "logging.h"

Q_LOGGING_CATEGORY(lcChat, "studyconnect.chat", QtInfoMsg)
