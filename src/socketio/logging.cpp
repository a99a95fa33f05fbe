#include "logging.h"

Q_LOGGING_CATEGORY(lcSocketIo, "studyconnect.socketio", QtInfoMsg)
