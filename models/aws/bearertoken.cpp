#include "bearertoken.h"
