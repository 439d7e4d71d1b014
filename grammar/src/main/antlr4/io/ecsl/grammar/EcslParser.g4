// The grammar of the .ecs language.
//
// The parse tree never leaves the compiler's `parse` package: io.ecsl.parse.AstBuilder turns it
// into immutable AST records, and syntax errors are rewritten into plain words there too.
//
// One item syntax serves files, block bodies and object literals alike:
//     key label* (in expr)? = expr body?     an attribute, optionally labelled, optionally refined
//     key label* (in expr)? body             a block (declaration, nested block)
//     key label from expr                    `secret DB_PASSWORD from "arn:…"`
// so `health { interval = 10s }` and `health = { interval = 10s }` mean the same thing.
parser grammar EcslParser;

options { tokenVocab = EcslLexer; }

@members {
    /**
     * Labels must be on the line of their key: `service web in prod {` is one header, while a
     * word at the start of the next line begins a new item, since items need no separator.
     */
    boolean sameLine() {
        org.antlr.v4.runtime.Token previous = _input.LT(-1);
        org.antlr.v4.runtime.Token next = _input.LT(1);
        return previous == null || next == null || previous.getLine() == next.getLine();
    }
}


file
    : item* EOF
    ;

// One value alone: a `--var` given on the command line, or a quantity written in a JSON var file.
expression
    : expr EOF
    ;

body
    : LBRACE item* RBRACE
    ;

item
    : IMPORT string (AS ident)? sep?                                          # importItem
    | LET ident (COLON typeRef)? ASSIGN expr sep?                             # letItem
    | VAR ident (COLON typeRef)? (ASSIGN expr)? sep?                          # varItem
    | TEMPLATE ident LPAREN params? RPAREN (COLON typeRef)? (ASSIGN expr | body) sep?  # templateItem
    | FOR ident (COMMA ident)? IN expr body sep?                              # forItem
    | ifChain sep?                                                            # ifItem
    | ELLIPSIS expr sep?                                                      # spreadItem
    | key ({sameLine()}? label)* (IN expr)? ASSIGN expr body? sep?            # attributeItem
    | key ({sameLine()}? label)* (IN expr)? body sep?                         # blockItem
    | key {sameLine()}? label FROM expr sep?                                  # fromItem
    | qualifiedName LPAREN args? RPAREN sep?                                  # callItem
    ;

ifChain
    : IF expr body (ELSE (ifChain | body))?
    ;

// A template called as a statement: `defaults()`, `web.service(name = "api")`. Only calls may stand
// alone; a bare expression would make `service web in prod { … }` ambiguous.
qualifiedName
    : ident (DOT ident)*
    ;

sep
    : COMMA
    | SEMI
    ;

key
    : ident
    | string
    ;

// `from` cannot be a label: `secret DB from "arn…"` must end its labels there.
label
    : labelIdent
    | string
    ;

labelIdent
    : IDENT
    | AS
    | BASE
    | WEIGHT
    ;

params
    : param (COMMA param)* COMMA?
    ;

param
    : ident (COLON typeRef)? (ASSIGN expr)?
    ;

args
    : arg (COMMA arg)* COMMA?
    ;

arg
    : (ident ASSIGN)? expr
    ;

typeRef
    : ident (LPAREN typeRef RPAREN)?                                          # namedType
    | LBRACK typeRef RBRACK                                                   # listType
    ;

expr
    : primary                                                                 # primaryExpr
    | expr DOT ident                                                          # memberExpr
    | expr LBRACK expr RBRACK                                                 # indexExpr
    | expr LPAREN args? RPAREN                                                # callExpr
    | op=(MINUS | BANG | NOT) expr                                            # unaryExpr
    | expr op=(STAR | SLASH | PERCENT_OP) expr                                # mulExpr
    | expr op=(PLUS | MINUS) expr                                             # addExpr
    | expr op=(LT | LE | GT | GE) expr                                        # compareExpr
    | expr op=(EQ | NE) expr                                                  # equalityExpr
    | expr op=(ANDAND | AND) expr                                             # andExpr
    | expr op=(OROR | OR) expr                                                # orExpr
    | <assoc=right> expr QUESTION expr COLON expr                             # condExpr
    ;

primary
    : INT                                                                     # intLit
    | DECIMAL                                                                 # decimalLit
    | QUANTITY                                                                # quantityLit
    | PORT                                                                    # portLit
    | TRUE                                                                    # trueLit
    | FALSE                                                                   # falseLit
    | NULL                                                                    # nullLit
    | string                                                                  # stringLit
    | ident                                                                   # nameRef
    | LPAREN expr RPAREN                                                      # parenExpr
    | LBRACK FOR ident (COMMA ident)? IN expr COLON expr (IF expr)? RBRACK    # listComprehension
    | LBRACK (element (COMMA element)* COMMA?)? RBRACK                         # listLit
    | LBRACE item* RBRACE                                                     # objectLit
    ;

// A list element may carry capacity-provider modifiers: `[FARGATE base 1 weight 1, FARGATE_SPOT weight 3]`.
element
    : expr modifier*
    ;

modifier
    : (BASE | WEIGHT) expr
    ;

string
    : OPEN_STRING stringPart* CLOSE_STRING                                    # simpleString
    | OPEN_ML_STRING mlStringPart* CLOSE_ML_STRING                            # multiLineString
    ;

stringPart
    : STR_TEXT                                                                # strText
    | STR_ESCAPE                                                              # strEscape
    | STR_DOLLAR                                                              # strDollar
    | STR_INTERP expr RBRACE                                                  # strInterp
    ;

mlStringPart
    : ML_TEXT                                                                 # mlText
    | ML_ESCAPE                                                               # mlEscape
    | ML_DOLLAR                                                               # mlDollar
    | ML_QUOTE                                                                # mlQuote
    | ML_INTERP expr RBRACE                                                   # mlInterp
    ;

// Words that are keywords in one position only stay usable as names everywhere else.
ident
    : IDENT
    | AS
    | FROM
    | BASE
    | WEIGHT
    ;

