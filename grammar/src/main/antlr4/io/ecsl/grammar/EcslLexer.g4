// Tokens of the .ecs language; the parser grammar is EcslParser.g4.
lexer grammar EcslLexer;

@members {
    // `{` pushes a mode and `}` pops it so that `}` can close a `${…}` interpolation and return
    // to the string it came from. An unbalanced `}` must not crash the lexer: the parser reports it.
    @Override
    public int popMode() {
        return _modeStack.isEmpty() ? DEFAULT_MODE : super.popMode();
    }
}



IMPORT   : 'import';
AS       : 'as';
LET      : 'let';
VAR      : 'var';
TEMPLATE : 'template';
FOR      : 'for';
IN       : 'in';
IF       : 'if';
ELSE     : 'else';
TRUE     : 'true';
FALSE    : 'false';
NULL     : 'null';
FROM     : 'from';
AND      : 'and';
OR       : 'or';
NOT      : 'not';
BASE     : 'base';
WEIGHT   : 'weight';

LBRACE   : '{' -> pushMode(DEFAULT_MODE);
RBRACE   : '}' -> popMode;
LPAREN   : '(';
RPAREN   : ')';
LBRACK   : '[';
RBRACK   : ']';
ELLIPSIS : '...';
DOT      : '.';
COMMA    : ',';
SEMI     : ';';
COLON    : ':';
QUESTION : '?';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ANDAND   : '&&';
OROR     : '||';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT_OP : '%';
BANG     : '!';

// `8080/tcp` and the range form `8000-8010/tcp` (a containerPortRange).
PORT     : DIGITS ('-' DIGITS)? '/' ('tcp' | 'udp');

// A number with a unit. Word units may be separated by spaces (`512 MiB`, `0.5 vcpu`); the short
// duration units and `%` must touch the number (`30s`, `5m`, `50%`), so `i % 7` stays arithmetic.
QUANTITY
    : DIGITS ('.' DIGITS)? [ \t]* ('MiB' | 'GiB' | 'KiB' | 'TiB' | 'MB' | 'GB' | 'vcpu' | 'vCPU' | 'vcpus')
    | DIGITS ('.' DIGITS)? ('ms' | 'min' | 's' | 'm' | 'h' | 'd' | '%')
    ;

DECIMAL  : DIGITS '.' DIGITS;
INT      : DIGITS;

// Identifiers may contain '-' after the first character, as ECS names do (`log-router`);
// subtraction therefore needs spaces (`a - 1`).
IDENT    : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)*;

OPEN_ML_STRING : '"""' -> pushMode(ML_STRING);
OPEN_STRING    : '"' -> pushMode(STRING);

LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n\f]+ -> skip; // no token: nothing reads whitespace, and a large file has tens of thousands of runs

// Anything else is one bad character; the parser turns it into a readable error.
BAD_CHAR : .;

fragment DIGITS : [0-9]+ ('_' [0-9]+)*;

mode STRING;
STR_INTERP   : '${' -> pushMode(DEFAULT_MODE);
STR_ESCAPE   : '\\' ~[\r\n];
STR_DOLLAR   : '$';
CLOSE_STRING : '"' -> popMode;
STR_TEXT     : ~["\\$\r\n]+;
// A newline ends an unterminated string so that one missing quote does not swallow the file.
STR_NEWLINE  : [\r\n] -> type(BAD_CHAR), popMode;

mode ML_STRING;
CLOSE_ML_STRING : '"""' -> popMode;
ML_INTERP    : '${' -> pushMode(DEFAULT_MODE);
ML_ESCAPE    : '\\' .;
ML_DOLLAR    : '$';
ML_QUOTE     : '"';
ML_TEXT      : ~["\\$]+;
