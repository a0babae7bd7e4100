from boardqa.cli import main

main()
