#include "awsclient.h"
