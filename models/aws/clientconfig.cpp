#include "clientconfig.h"
