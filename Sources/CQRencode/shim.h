#ifndef PUSHDESK_CQRENCODE_SHIM_H
#define PUSHDESK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
